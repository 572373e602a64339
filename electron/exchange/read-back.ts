import { open } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { type AgeKey, openHeader } from './age-reader';
import { type WrittenFile } from './encrypting-writer';
import { WorkerGroup } from './worker-group';

/**
 * A thread that reads blocks `first`, `first + stride`, … of the written file (its parts
 * joined) and compares each one's CRC-32 with the one taken while writing it.
 */
const READ_BACK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { paths, sizes, blockSize, crcs, stride, first } = workerData;
const stop = new Int32Array(workerData.flow);
const fds = paths.map((path) => fs.openSync(path, 'r'));
const starts = [];
let total = 0;
for (const size of sizes) {
  starts.push(total);
  total += size;
}
const buffer = Buffer.allocUnsafe(blockSize);

function readAt(offset, length) {
  let filled = 0;
  while (filled < length) {
    const position = offset + filled;
    let part = starts.length - 1;
    while (starts[part] > position) part--;
    const within = position - starts[part];
    const want = Math.min(length - filled, sizes[part] - within);
    const n = want > 0 ? fs.readSync(fds[part], buffer, filled, want, within) : 0;
    if (n === 0) return false;
    filled += n;
  }
  return true;
}

let ok = true;
let since = 0;
for (let index = first; index < crcs.length && ok; index += stride) {
  if (Atomics.load(stop, 1) === 1) break;
  const offset = index * blockSize;
  const length = Math.min(blockSize, total - offset);
  ok = length > 0 && readAt(offset, length) && zlib.crc32(buffer.subarray(0, length)) === crcs[index];
  since += length;
  if (since >= 16 * 1024 * 1024) {
    parentPort.postMessage({ type: 'progress', bytes: since });
    since = 0;
  }
}
for (const fd of fds) fs.closeSync(fd);
parentPort.postMessage({ type: 'progress', bytes: since });
parentPort.postMessage({ type: 'done', ok });
`;

type ReadBackMessage = { type: 'progress'; bytes: number } | { type: 'done'; ok: boolean };

/**
 * The export's read-back check, after the parts were fsynced and renamed: every byte of the
 * file is read again (two threads, alternate blocks) and must be exactly what was written, and
 * the header must open with our own identity or the passphrase. A short or altered file fails
 * with `exchange_corrupt`. The bytes were produced by the tested encrypter from content whose
 * hashes the manifest lists, so equal bytes are a file the recipients can open and verify.
 */
export async function verifyReadBack(
  paths: readonly string[],
  sizes: readonly number[],
  written: WrittenFile,
  key: AgeKey,
  onBytes: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total !== written.size || written.crcs.length !== Math.ceil(total / written.blockSize)) {
    throw new AppFailure('exchange_corrupt');
  }
  await checkHeader(paths[0]!, key);
  const group = new WorkerGroup();
  const stride = 2;
  let finished = 0;
  let ok = true;
  const flow = group.newFlow();
  const stop = () => void group.stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let first = 0; first < stride; first++) {
      group.start<ReadBackMessage>(
        READ_BACK_WORKER_SOURCE,
        { paths, sizes, blockSize: written.blockSize, crcs: written.crcs, stride, first, flow },
        [],
        (message) => {
          if (message.type === 'progress') onBytes(message.bytes);
          else {
            finished += 1;
            ok &&= message.ok;
          }
        },
      );
    }
    await group.until(() => finished === stride);
  } finally {
    signal?.removeEventListener('abort', stop);
    await group.stop();
  }
  if (signal?.aborted) throw new AppFailure('cancelled');
  if (!ok) throw new AppFailure('exchange_corrupt');
}

async function checkHeader(path: string, key: AgeKey): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024 + 16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const opened = await openHeader(head.subarray(0, bytesRead), key);
    if (!opened) throw new AppFailure('exchange_corrupt');
    opened.payloadKey.fill(0);
  } finally {
    await handle.close();
  }
}
