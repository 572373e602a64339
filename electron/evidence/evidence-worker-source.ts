import { DISCARDER_JS } from '../files/discarder-source';
import { DRIVE_READ_JS } from '../files/drive-read-source';
import { EVIDENCE_FORMAT_JS } from './evidence-format-source';

/**
 * The evidence worker, kept as plain JavaScript in a string and started with
 * `new Worker(source, { eval: true })`. Why a string: it runs unchanged under tsx and vitest
 * (which would not transpile a `.ts` worker file) and after electron-vite bundles main into one
 * file (which would not copy a separate worker file unless configured) — nothing to ship beside
 * the bundle. The price is that this code is not type-checked: the evidence tests cover it.
 *
 * File format: evidence-format-source.ts (docs/evidence-storage.md).
 *
 * Work is synchronous inside the worker (fixed 64 KiB buffers: memory stays flat whatever the
 * file size); the main thread's event loop never waits on it. A shared Int32 flag cancels.
 */
export const EVIDENCE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');

${EVIDENCE_FORMAT_JS}
${DISCARDER_JS}
${DRIVE_READ_JS}
const PROGRESS_EVERY = 4 * 1024 * 1024;
const READ_BACK = 4 * 1024 * 1024;
// Each chunk's cipher output is freed once written, so memory stays flat (discarder).
const used = discarder();

const cancelFlag = new Int32Array(workerData.cancel);
const cancelled = () => Atomics.load(cancelFlag, 0) === 1;

/**
 * Report progress (checking: of a copy's read-back); tests slow the job down here
 * (workerData.pauseMs; a cancel wakes it).
 */
function report(done, total, checking = false) {
  parentPort.postMessage({ type: 'progress', done, total, checking });
  if (workerData.pauseMs > 0) Atomics.wait(cancelFlag, 0, 0, workerData.pauseMs);
}

function encrypt({ source, target, key, fileId }) {
  const input = fs.openSync(source, 'r');
  let output = -1;
  try {
    const total = fs.fstatSync(input).size;
    output = fs.openSync(target, 'wx', 0o600);
    const prefix = crypto.randomBytes(PREFIX_LENGTH);
    fs.writeSync(output, Buffer.concat([MAGIC, prefix]));
    const hash = crypto.createHash('sha256');
    // Two buffers: a chunk is known to be the last one only once the next read finds nothing.
    let current = Buffer.alloc(CHUNK);
    let next = Buffer.alloc(CHUNK);
    let length = readFull(input, current);
    let index = 0;
    let done = 0;
    let reported = 0;
    for (;;) {
      if (cancelled()) return { cancelled: true };
      const nextLength = length === CHUNK ? readFull(input, next) : 0;
      const last = nextLength === 0;
      const plain = current.subarray(0, length);
      hash.update(plain);
      const [body, tag] = sealEvidenceChunk(key, prefix, fileId, index, last, plain);
      writeFully(output, [body, tag]);
      used.add(body);
      done += length;
      if (done - reported >= PROGRESS_EVERY) {
        reported = done;
        report(done, total);
      }
      if (last) break;
      [current, next] = [next, current];
      length = nextLength;
      index += 1;
    }
    fs.fsyncSync(output);
    parentPort.postMessage({ type: 'progress', done, total: done });
    return { sha256: hash.digest('hex'), size: done };
  } finally {
    fs.closeSync(input);
    if (output !== -1) fs.closeSync(output);
  }
}

/** Decrypt to a file (target) or to memory (target null); the hash is checked at the end. */
function decrypt({ source, target, key, fileId, expectedSha256, maxBytes }) {
  const input = fs.openSync(source, 'r');
  let output = -1;
  try {
    const size = fs.fstatSync(input).size;
    const header = Buffer.alloc(HEADER_LENGTH);
    if (readFull(input, header) !== HEADER_LENGTH || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      return { corrupt: true };
    }
    const prefix = header.subarray(MAGIC.length);
    const body = size - HEADER_LENGTH;
    const chunks = Math.max(1, Math.ceil(body / (CHUNK + TAG)));
    const plainSize = body - chunks * TAG;
    if (plainSize < 0) return { corrupt: true };
    if (target === null && plainSize > maxBytes) return { tooLarge: true };
    if (target !== null) output = fs.openSync(target, 'wx', 0o600);
    const memory = target === null ? Buffer.alloc(plainSize) : null;
    const hash = crypto.createHash('sha256');
    const sealed = Buffer.alloc(CHUNK + TAG);
    let done = 0;
    let reported = 0;
    for (let index = 0; index < chunks; index++) {
      if (cancelled()) return { cancelled: true };
      const last = index === chunks - 1;
      const length = readFull(input, sealed);
      if (length < TAG || (!last && length !== CHUNK + TAG)) return { corrupt: true };
      const plain = openEvidenceChunk(key, prefix, fileId, index, last, sealed.subarray(0, length));
      if (plain === null) return { corrupt: true };
      hash.update(plain);
      if (memory) plain.copy(memory, done);
      else writeFully(output, [plain]);
      done += plain.length;
      used.add(plain);
      if (done - reported >= PROGRESS_EVERY) {
        reported = done;
        report(done, plainSize);
      }
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== expectedSha256) return { corrupt: true, sha256 };
    if (output === -1) return { sha256, size: done, bytes: memory };
    fs.fsyncSync(output);
    return readBackCopy(target, done, sha256);
  } finally {
    fs.closeSync(input);
    if (output !== -1) fs.closeSync(output);
  }
}

/**
 * The copy read back from the drive (DRIVE_READ_JS: past the cache where the system allows it)
 * and hashed again: what the chosen drive holds must be what was written.
 */
function readBackCopy(target, size, sha256) {
  const drive = driveReader(READ_BACK, true);
  const chunk = Buffer.allocUnsafeSlow(READ_BACK);
  const hash = crypto.createHash('sha256');
  let read = 0;
  for (;;) {
    if (cancelled()) return { cancelled: true };
    const n = drive.read(target, chunk, 0, chunk.length, read);
    if (n === 0) break;
    hash.update(chunk.subarray(0, n));
    read += n;
    report(read, size, true);
  }
  if (read !== size || hash.digest('hex') !== sha256) return { notVerified: true, sha256 };
  return { sha256, size };
}

try {
  const job = workerData.job;
  const result = job.op === 'encrypt' ? encrypt(job) : decrypt(job);
  job.key.fill(0);
  const transfer = result.bytes ? [result.bytes.buffer] : [];
  parentPort.postMessage({ type: 'result', result }, transfer);
} catch (error) {
  // With the file-system error's code, call and path, so main can tell a failing destination
  // from a damaged or missing source.
  parentPort.postMessage({
    type: 'failed',
    message: String(error && error.message || error),
    errno:
      error && typeof error.code === 'string'
        ? { code: error.code, syscall: error.syscall, path: error.path }
        : null,
  });
}
`;
