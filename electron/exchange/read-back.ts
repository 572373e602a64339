import { open } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { IO_FAILURE_JS } from '../files/io-failure';
import { type AgeKey, openHeader } from './age-reader';
import { type WrittenFile } from './encrypting-writer';
import { WorkerGroup } from './worker-group';
import { CHECK_LENGTH, SODIUM_JS, WRITE_CHECK_JS } from './worker-snippets';

/**
 * A thread that reads back batches `first`, `first + stride`, … of 64 units of the written file
 * (its parts joined; unit 0 is the header, then one unit per sealed chunk) and compares each
 * unit's check value with the one taken when it was sealed.
 */
const READ_BACK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const SEALED = 64 * 1024 + 16;
const BATCH = 64;
const { paths, sizes, headerLength, stride, first } = workerData;
const checks = Buffer.from(workerData.checks);
const checkKey = Buffer.from(workerData.checkKey);
const units = checks.length / ${CHECK_LENGTH};
const stop = new Int32Array(workerData.flow);
${IO_FAILURE_JS}
${SODIUM_JS}
${WRITE_CHECK_JS}

function check() {
  const fds = paths.map((path) => fs.openSync(path, 'r'));
  const starts = [];
  let total = 0;
  for (const size of sizes) {
    starts.push(total);
    total += size;
  }
  const unitStart = (unit) => (unit === 0 ? 0 : headerLength + (unit - 1) * SEALED);
  const unitEnd = (unit) => Math.min(total, unit === 0 ? headerLength : unitStart(unit) + SEALED);
  const buffer = Buffer.allocUnsafe(BATCH * SEALED + headerLength);

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
  for (let batch = first; batch * BATCH < units && ok; batch += stride) {
    if (Atomics.load(stop, 1) === 1) break;
    const from = batch * BATCH;
    const to = Math.min(units, from + BATCH);
    const offset = unitStart(from);
    const length = unitEnd(to - 1) - offset;
    ok = length > 0 && readAt(offset, length);
    for (let unit = from; unit < to && ok; unit++) {
      const piece = buffer.subarray(unitStart(unit) - offset, unitEnd(unit) - offset);
      const expected = checks.subarray(unit * CHECK_LENGTH, (unit + 1) * CHECK_LENGTH);
      ok = piece.length > 0 && checkOf(checkKey, unit, piece).equals(expected);
    }
    since += length;
    if (since >= 16 * 1024 * 1024) {
      parentPort.postMessage({ type: 'progress', bytes: since });
      since = 0;
    }
  }
  for (const fd of fds) fs.closeSync(fd);
  parentPort.postMessage({ type: 'progress', bytes: since });
  parentPort.postMessage({ type: 'done', ok });
}

try {
  check();
} catch (error) {
  // The file cannot be read back (the stick pulled out, or failing): it was not written well.
  const code = fsFailureCode(error, 'write');
  parentPort.postMessage({ type: 'error', code, message: String((error && error.message) || error) });
}
`;

type ReadBackMessage = { type: 'progress'; bytes: number } | { type: 'done'; ok: boolean };

/**
 * The export's read-back check, after the parts were fsynced and renamed: every byte of the
 * file is read again (two threads, alternate batches) and must be exactly what was written, and
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
  const chunks = Math.max(1, Math.ceil((total - written.headerLength) / (64 * 1024 + 16)));
  if (total !== written.size || written.checks.length !== (1 + chunks) * CHECK_LENGTH) {
    throw new AppFailure('exchange_corrupt');
  }
  // Opened while the threads read (they only compare bytes): its failure stops them.
  const header = checkHeader(paths[0]!, key);
  header.catch(() => undefined);
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
        {
          paths,
          sizes,
          headerLength: written.headerLength,
          checks: written.checks,
          checkKey: written.checkKey,
          stride,
          first,
          flow,
        },
        (message) => {
          if (message.type === 'progress') onBytes(message.bytes);
          else {
            finished += 1;
            ok &&= message.ok;
          }
        },
      );
    }
    await header;
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
