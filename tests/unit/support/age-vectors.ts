import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { inflateSync } from 'node:zlib';
import { AppFailure } from '../../../shared/errors';
import { type AgeKey, openHeader } from '../../../electron/exchange/age-reader';
import { OPEN_WORKER_SOURCE } from '../../../electron/exchange/decrypt-worker-source';
import { releaseFlow, WorkerGroup } from '../../../electron/exchange/worker-group';
import { closeAll, openRegularFiles } from '../../../electron/files/regular-file';

/** One C2SP age test vector (https://c2sp.org/CCTV/age): its header lines, then the file. */
export interface AgeVector {
  name: string;
  expect: string;
  payloadSha256: string | null;
  identities: string[];
  passphrases: string[];
  armored: boolean;
  comment: string | null;
  file: Buffer;
}

export function parseVector(name: string, raw: Uint8Array): AgeVector {
  const bytes = Buffer.from(raw);
  const split = bytes.indexOf('\n\n');
  const fields: [string, string][] = bytes
    .subarray(0, split)
    .toString('utf8')
    .split('\n')
    .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]);
  const all = (key: string) => fields.filter(([k]) => k === key).map(([, v]) => v);
  const body = bytes.subarray(split + 2);
  const compressed = all('compressed')[0];
  if (compressed !== undefined && compressed !== 'zlib') throw new Error(`${name}: ${compressed}`);
  return {
    name,
    expect: all('expect')[0] ?? '',
    payloadSha256: all('payload')[0] ?? null,
    identities: all('identity'),
    passphrases: all('passphrase'),
    armored: all('armored')[0] === 'yes',
    comment: all('comment')[0] ?? null,
    file: compressed ? inflateSync(body) : body,
  };
}

/**
 * The app's own reading of an age file: the header by age-reader.ts openHeader (the native
 * stanza parser and unwraps), the payload by the import's open thread (decrypt-worker-source.ts
 * OPEN_WORKER_SOURCE, the same STREAM code an import runs), its opened chunks collected here
 * instead of going to the tar thread.
 */
export async function readAgeAsApp(
  dir: string,
  file: Buffer,
  key: AgeKey,
): Promise<{ stage: 'header' | 'payload'; code: string } | { sha256: string }> {
  let opened;
  try {
    opened = await openHeader(file, key);
    if (opened === null) throw new AppFailure('exchange_corrupt');
  } catch (error) {
    return { stage: 'header', code: codeOf(error) };
  }
  const path = join(dir, 'vector.age');
  await writeFile(path, file);
  const handles = await openRegularFiles([path]);
  const group = new WorkerGroup();
  const hash = createHash('sha256');
  const { port1, port2 } = new MessageChannel();
  const flow = group.newFlow();
  let done = false;
  let ended = false;
  port2.on('message', (message: { chunks?: Uint8Array[]; bytes?: number; end?: boolean }) => {
    for (const chunk of message.chunks ?? []) hash.update(chunk);
    if (message.bytes) releaseFlow(flow, message.bytes);
    if (message.end) ended = true;
    group.notify();
  });
  try {
    const open = group.start<{ type: 'progress' } | { type: 'done' }>(
      OPEN_WORKER_SOURCE,
      { copyPath: null, port: port1, flow, readPauseMs: 0 },
      (message) => {
        if (message.type === 'done') done = true;
      },
      [port1],
    );
    open.postMessage({
      fds: handles.map((handle) => handle.fd),
      payloadKey: opened.payloadKey,
      payloadStart: opened.payloadStart,
    });
    await group.until(() => done && ended);
    return { sha256: hash.digest('hex') };
  } catch (error) {
    return { stage: 'payload', code: codeOf(error) };
  } finally {
    port2.close();
    await group.stop();
    await closeAll(handles);
  }
}

function codeOf(error: unknown): string {
  return error instanceof AppFailure ? error.code : `not an AppFailure: ${String(error)}`;
}
