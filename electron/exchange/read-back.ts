import { timingSafeEqual } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { DRIVE_READ_JS } from '../files/drive-read-source';
import { IO_FAILURE_JS } from '../files/io-failure';
import { type AgeKey, openHeader } from './age-reader';
import { type WrittenFile } from './encrypting-writer';
import { partName } from './part-files';
import { WorkerGroup } from './worker-group';
import { AGE_AUTHENTIC_JS, AGE_STREAM_JS, SODIUM_JS } from './worker-snippets';

/** An age payload chunk as written: 64 KiB of ciphertext and its tag (the last may be shorter). */
const SEALED = 64 * 1024 + 16;
/** Threads that read back, taking alternate batches of 64 units. */
const STRIDE = 2;

/**
 * A thread that reads back batches `first`, `first + stride`, … of 64 units of the complete
 * file (its parts joined; unit 0 is the header, then one unit per sealed chunk): the header must
 * be the bytes written, and every chunk must authenticate under the payload key at its place
 * (AGE_AUTHENTIC_JS), the last one as the last. `flow` [1] set: stop.
 */
const READ_BACK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const SEALED = ${SEALED};
const BATCH = 64;
const { tempBase, splitSize, size, stride, first, bypassCache } = workerData;
const header = Buffer.from(workerData.header);
const headerLength = header.length;
const key = Buffer.from(workerData.payloadKey);
const stop = new Int32Array(workerData.flow);
${IO_FAILURE_JS}
${DRIVE_READ_JS}
${SODIUM_JS}
${AGE_STREAM_JS}
${AGE_AUTHENTIC_JS}

const unitStart = (unit) => (unit === 0 ? 0 : headerLength + (unit - 1) * SEALED);
const buffer = Buffer.allocUnsafe(BATCH * SEALED + headerLength);

// Reads the drive itself where the system allows it (DRIVE_READ_JS), a batch at a time.
const drive = driveReader(buffer.length, bypassCache);

/** Fill buffer[0, length) from the file at offset; false when it ends first. */
function readAt(offset, length) {
  let filled = 0;
  while (filled < length) {
    const position = offset + filled;
    const part = Math.floor(position / splitSize);
    const within = position - part * splitSize;
    const want = Math.min(length - filled, splitSize - within);
    const path = tempBase + '.' + String(part + 1).padStart(3, '0');
    const n = drive.read(path, buffer, filled, want, within);
    if (n < want) return false;
    filled += n;
  }
  return true;
}

function check() {
  const units = 1 + Math.max(1, Math.ceil((size - headerLength) / SEALED));
  let ok = true;
  for (let from = first * BATCH; ok && from < units; from += stride * BATCH) {
    if (Atomics.load(stop, 1) === 1) break;
    const to = Math.min(units, from + BATCH);
    const offset = unitStart(from);
    const end = Math.min(size, unitStart(to));
    ok = end > offset && readAt(offset, end - offset);
    for (let unit = from; unit < to && ok; unit++) {
      const start = unitStart(unit) - offset;
      const piece = buffer.subarray(start, Math.min(end - offset, unit === 0 ? headerLength : start + SEALED));
      ok = unit === 0 ? piece.equals(header) : ageAuthentic(key, unit - 1, piece, unit === units - 1);
    }
    if (ok) parentPort.postMessage({ type: 'progress', bytes: end - offset });
  }
  key.fill(0);
  parentPort.postMessage({ type: 'done', ok });
}

try {
  check();
} catch (error) {
  key.fill(0);
  // The file cannot be read back (the stick pulled out, or failing): it was not written well.
  const code = fsFailureCode(error, 'write');
  parentPort.postMessage({ type: 'error', code, message: String((error && error.message) || error) });
}
`;

type ReadBackMessage = { type: 'progress'; bytes: number } | { type: 'done'; ok: boolean };

export interface ReadBackOptions {
  /** Where the parts are written (`<tempBase>.001`, …) and how large each is but the last. */
  tempBase: string;
  splitSize: number;
  /** The file's first bytes (age header and payload nonce) and its payload key (not zeroed here). */
  header: Buffer;
  payloadKey: Buffer;
  /** Our own identity or the passphrase: the header must open with it. */
  key: AgeKey;
  /**
   * Read the drive itself where the system allows it (Linux: O_DIRECT), not the cached copy of
   * what was written; default true. False reads through the cache, as on other systems.
   */
  bypassCache?: boolean;
}

/**
 * The export's read-back check, once the file is complete and fsynced: two threads read it
 * all back, from the drive itself where the system allows it, not from the cache of what was
 * written. Only a pass after the end sees the file as it finally is on the drive: a
 * fake-capacity stick, for one, acknowledges every stretch and then overwrites early ones with
 * later ones. The header must be the one written and open with our own identity or the
 * passphrase to the payload key written with; every chunk must authenticate under that key at
 * its place, the last as the last — what a recipient's age checks before it trusts a byte
 * (without decrypting: the content is the archive just written from hashed evidence). A short,
 * long or altered file fails with `export_not_verified`. The parts are read under their
 * temporary names: a file is renamed into place only once checked. `onBytes` hears of the
 * bytes checked as they are.
 */
export async function readBack(
  options: ReadBackOptions,
  written: WrittenFile,
  onBytes: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  await checkSizes(written, options.splitSize);
  const group = new WorkerGroup();
  const flow = group.newFlow();
  let finished = 0;
  for (let first = 0; first < STRIDE; first++) {
    group.start<ReadBackMessage>(
      READ_BACK_WORKER_SOURCE,
      {
        tempBase: options.tempBase,
        splitSize: options.splitSize,
        size: written.size,
        header: options.header,
        payloadKey: options.payloadKey,
        stride: STRIDE,
        first,
        flow,
        bypassCache: options.bypassCache ?? true,
      },
      (message) => {
        if (message.type === 'progress') onBytes(message.bytes);
        else {
          finished += 1;
          if (!message.ok) group.fail(new AppFailure('export_not_verified'));
        }
      },
    );
  }
  // Opened meanwhile (scrypt, for a passphrase, takes a while).
  let headerChecked = false;
  checkHeader(partName(options.tempBase, 1), options.key, options.payloadKey).then(
    () => {
      headerChecked = true;
      group.notify();
    },
    (error: unknown) => group.fail(error instanceof Error ? error : new Error(String(error))),
  );
  const stopOnCancel = () => void group.stop();
  signal?.addEventListener('abort', stopOnCancel, { once: true });
  if (signal?.aborted) stopOnCancel();
  try {
    await group.until(() => finished === STRIDE && headerChecked);
  } finally {
    signal?.removeEventListener('abort', stopOnCancel);
    await group.stop();
  }
  if (signal?.aborted) throw new AppFailure('cancelled');
}

/** Every part but the last is exactly `splitSize` bytes, and together they are the size written. */
async function checkSizes(written: WrittenFile, splitSize: number): Promise<void> {
  const sizes = await Promise.all(written.parts.map(async (path) => (await stat(path)).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total !== written.size || sizes.slice(0, -1).some((size) => size !== splitSize)) {
    throw new AppFailure('export_not_verified');
  }
}

async function checkHeader(path: string, key: AgeKey, payloadKey: Buffer): Promise<void> {
  // Closed before the header is opened (scrypt takes a while): a failed export removes the file.
  const head = Buffer.alloc(64 * 1024 + 16);
  const handle = await open(path, 'r');
  let bytesRead: number;
  try {
    ({ bytesRead } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  // Our own header, as written: whatever keeps it from opening, the drive changed it.
  const opened = await openHeader(head.subarray(0, bytesRead), key).catch((error: unknown) => {
    throw error instanceof AppFailure ? new AppFailure('export_not_verified') : error;
  });
  if (!opened) throw new AppFailure('export_not_verified');
  const same =
    opened.payloadKey.length === payloadKey.length &&
    timingSafeEqual(opened.payloadKey, payloadKey);
  opened.payloadKey.fill(0);
  if (!same) throw new AppFailure('export_not_verified');
}
