import { timingSafeEqual } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
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
 * A thread that reads back batches `first`, `first + stride`, … of 64 units of the file being
 * written (its parts joined; unit 0 is the header, then one unit per sealed chunk), each once it
 * is on the disk: the header must be the bytes written, and every chunk must authenticate under
 * the payload key at its place (AGE_AUTHENTIC_JS), the last one as the last.
 *
 * Shared cells (BigInt64): [0] bytes from the file's start known to be on the disk, [1] the
 * file's size once it is complete, else -1. Before the size is known, a batch is read only once
 * a flushed byte follows it, so no chunk is taken for the last too early.
 */
const READ_BACK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const SEALED = ${SEALED};
const BATCH = 64;
const { tempBase, splitSize, stride, first, bypassCache } = workerData;
const header = Buffer.from(workerData.header);
const headerLength = header.length;
const key = Buffer.from(workerData.payloadKey);
const cells = new BigInt64Array(workerData.cells);
const stop = new Int32Array(workerData.flow);
${IO_FAILURE_JS}
${SODIUM_JS}
${AGE_STREAM_JS}
${AGE_AUTHENTIC_JS}

const unitStart = (unit) => (unit === 0 ? 0 : headerLength + (unit - 1) * SEALED);
const buffer = Buffer.allocUnsafe(BATCH * SEALED + headerLength);

/**
 * Fill buffer[0, length) from the file at offset; false when it ends first. Each part is open
 * only while read: a thread stopped at any moment holds no file, which could then not be
 * removed (Windows) nor its descriptor ever closed.
 */
function readAt(offset, length) {
  let filled = 0;
  while (filled < length) {
    const position = offset + filled;
    const part = Math.floor(position / splitSize);
    const within = position - part * splitSize;
    const want = Math.min(length - filled, splitSize - within);
    const path = tempBase + '.' + String(part + 1).padStart(3, '0');
    const read = fromDrive(path) ? readDirect : readCached;
    const n = read(path, filled, want, within);
    if (n < want) return false;
    filled += n;
  }
  return true;
}

function readCached(path, at, length, position) {
  const fd = fs.openSync(path, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, buffer, at + done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reading the drive itself, not the kernel's copy of what was written: with O_DIRECT (Linux)
 * every read goes to the device, so a stick that lost or garbled what it acknowledged fails
 * the check. O_DIRECT reads whole blocks (file offset and length in ALIGN steps) into memory at
 * an aligned address; JavaScript cannot see an address, so the first read tries each offset of
 * a buffer until the kernel takes one. Where O_DIRECT is refused (another system, a file
 * system without it) the read-back reads through the cache, as a recipient would.
 */
const ALIGN = 4096;
// A batch in one read: its bytes, and a block of slack at each end for the alignment.
const SCRATCH = Math.ceil(buffer.length / ALIGN) * ALIGN + 2 * ALIGN;
let direct; // undefined: not tried yet; null: not available; else the aligned scratch buffer

function fromDrive(path) {
  if (direct !== undefined) return direct !== null;
  direct = null;
  if (!bypassCache || fs.constants.O_DIRECT === undefined) return false;
  let fd;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_DIRECT);
  } catch (error) {
    if (error && error.code === 'EINVAL') return false;
    throw error;
  }
  try {
    const raw = Buffer.allocUnsafeSlow(SCRATCH + ALIGN);
    for (let shift = 0; shift < ALIGN; shift += 8) {
      try {
        fs.readSync(fd, raw, shift, ALIGN, 0);
        direct = raw.subarray(shift, shift + SCRATCH);
        break;
      } catch (error) {
        if (!error || error.code !== 'EINVAL') throw error;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return direct !== null;
}

function readDirect(path, at, length, position) {
  const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_DIRECT);
  try {
    let done = 0;
    while (done < length) {
      const from = position + done;
      const start = from - (from % ALIGN);
      const skip = from - start;
      const span = Math.min(SCRATCH, Math.ceil((skip + length - done) / ALIGN) * ALIGN);
      const n = fs.readSync(fd, direct, 0, span, start);
      if (n <= skip) break;
      const take = Math.min(n - skip, length - done);
      direct.copy(buffer, at + done, skip, skip + take);
      done += take;
    }
    return done;
  } finally {
    fs.closeSync(fd);
  }
}

/** Waits for a flushed byte past end (then -1) or the whole file (then its size); null once stopped. */
function sizeOnceFlushed(end) {
  for (;;) {
    if (Atomics.load(stop, 1) === 1) return null;
    const size = Number(Atomics.load(cells, 1));
    if (size >= 0) return size;
    const flushed = Atomics.load(cells, 0);
    if (Number(flushed) > end) return -1;
    Atomics.wait(cells, 0, flushed, 50);
  }
}

function check() {
  let ok = true;
  for (let batch = first; ok; batch += stride) {
    const from = batch * BATCH;
    const size = sizeOnceFlushed(unitStart(from + BATCH));
    if (size === null) break;
    const units = size < 0 ? Infinity : 1 + Math.max(1, Math.ceil((size - headerLength) / SEALED));
    if (from >= units) break;
    const to = Math.min(units, from + BATCH);
    const offset = unitStart(from);
    const end = size < 0 ? unitStart(to) : Math.min(size, unitStart(to));
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
  /** Told at once when the check fails while the file is still being written. */
  onFailure?: (error: Error) => void;
  /**
   * Read the drive itself where the system allows it (Linux: O_DIRECT), not the cached copy of
   * what was written; default true. False reads through the cache, as on other systems.
   */
  bypassCache?: boolean;
}

export interface ReadBack {
  /** Bytes read back and found as written, so far. */
  readonly checked: number;
  /** Why the check failed, if it did (a stop is not a failure). */
  readonly failure: Error | null;
  /** The file's first `bytes` are on the disk: they may be read back now. */
  flushed(bytes: number): void;
  /**
   * The file is complete and fsynced: read back the rest, and resolve once every byte was
   * checked (`onBytes` hears of the bytes checked, those checked while writing first).
   */
  finish(
    written: WrittenFile,
    onBytes: (bytes: number) => void,
    signal?: AbortSignal,
  ): Promise<void>;
  /** Stop reading (a cancelled or failed export). */
  stop(): Promise<void>;
}

/**
 * The export's read-back check. It runs while the file is written, on two threads of its own:
 * each stretch is read back once it is flushed to the disk, so only the last stretch is left
 * when the writing ends. The header must be the one written and open with our
 * own identity or the passphrase to the payload key written with; every chunk must
 * authenticate under that key at its place, the last as the last — what a recipient's age
 * checks before it trusts a byte (without decrypting: the content is the archive just written
 * from hashed evidence). A short, long or altered file fails with `export_not_verified`. The parts
 * are read under their temporary names (a file is renamed into place only once checked), and
 * from the drive itself where the system allows it, not from the cache of what was written.
 */
export function startReadBack(options: ReadBackOptions): ReadBack {
  let failure: Error | null = null;
  const group = new WorkerGroup((error) => {
    failure = error;
    options.onFailure?.(error);
  });
  const flow = group.newFlow();
  const shared = new SharedArrayBuffer(16);
  const cells = new BigInt64Array(shared);
  cells[1] = -1n;
  let checked = 0;
  let report: ((bytes: number) => void) | null = null;
  let finished = 0;
  for (let first = 0; first < STRIDE; first++) {
    group.start<ReadBackMessage>(
      READ_BACK_WORKER_SOURCE,
      {
        tempBase: options.tempBase,
        splitSize: options.splitSize,
        header: options.header,
        payloadKey: options.payloadKey,
        stride: STRIDE,
        first,
        bypassCache: options.bypassCache ?? true,
        cells: shared,
        flow,
      },
      (message) => {
        if (message.type === 'progress') {
          checked += message.bytes;
          report?.(message.bytes);
        } else {
          finished += 1;
          if (!message.ok) group.fail(new AppFailure('export_not_verified'));
        }
      },
    );
  }
  // Opened once its bytes are on the disk (scrypt, for a passphrase, takes a while).
  let header: Promise<void> | null = null;
  let headerChecked = false;
  const openHeaderOnce = () => {
    header ??= checkHeader(partName(options.tempBase, 1), options.key, options.payloadKey).then(
      () => {
        headerChecked = true;
        group.notify();
      },
      (error: unknown) => group.fail(error instanceof Error ? error : new Error(String(error))),
    );
  };
  const advance = (bytes: number) => {
    Atomics.store(cells, 0, BigInt(bytes));
    Atomics.notify(cells, 0);
  };

  return {
    get checked() {
      return checked;
    },
    get failure() {
      return failure;
    },
    flushed(bytes) {
      if (bytes >= options.header.length) openHeaderOnce();
      advance(bytes);
    },
    async finish(written, onBytes, signal) {
      const stopOnCancel = () => void group.stop();
      signal?.addEventListener('abort', stopOnCancel, { once: true });
      try {
        await checkSizes(written, options.splitSize);
        report = onBytes;
        onBytes(checked);
        Atomics.store(cells, 1, BigInt(written.size));
        advance(written.size);
        openHeaderOnce();
        await group.until(() => finished === STRIDE && headerChecked);
      } finally {
        signal?.removeEventListener('abort', stopOnCancel);
        await group.stop();
      }
      if (signal?.aborted) throw new AppFailure('cancelled');
    },
    stop: () => group.stop(),
  };
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
