import { EVIDENCE_FORMAT_JS } from '../evidence/evidence-format-source';
import { IO_FAILURE_JS } from '../files/io-failure';
import { AGE_STREAM_JS, RING_JS, SODIUM_JS } from './worker-snippets';

/*
 * The two threads that write an export, as plain JavaScript evaluated with
 * `new Worker(source, { eval: true })`. Why strings: the same code then loads under vitest/tsx
 * and after electron-vite bundles main into one file, with no worker file path to resolve (and
 * no bundler helpers injected into it). They may only `require` Node built-ins. The exchange
 * tests (and the age CLI reading what they write) cover them.
 *
 * feed → seal, through a ring of 64 KiB slots in shared memory (RING_JS): the main thread
 * only sends the archive's small parts (tar headers, records, manifest) and, per evidence item,
 * where to read it.
 */

/**
 * The feed thread cuts the plaintext archive into 64 KiB age chunks. It reads evidence itself:
 * a vault item decrypted chunk by chunk (AES-GCM authenticates every chunk, its position and
 * the end under the item's key, so the content is the one hashed at intake), a plain file
 * (tests, benchmarks) hashed and checked. It seals `share` of every 8 chunks itself and passes
 * the others on in plaintext, so both cores share the cipher work.
 *
 * In: workerData { payloadKey, ring, share }; messages { type: 'data', chunk },
 * { type: 'evidence', source }, { type: 'end' }. Out: { type: 'ack', bytes } per data message,
 * { type: 'progress', bytes }, { type: 'evidenceDone' }, { type: 'error', code, message }.
 */
export const FEED_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
${SODIUM_JS}
${RING_JS}
${AGE_STREAM_JS}
${EVIDENCE_FORMAT_JS}

const PROGRESS_EVERY = 4 * 1024 * 1024;
const READ_CHUNKS = 16;
const key = Buffer.from(workerData.payloadKey);
const ring = ringOf(workerData.ring, workerData.slots, AGE_SEALED);
const used = discarder();
const share = workerData.share;
class Corrupt extends Error {}

// The chunk being filled is a claimed ring slot: the plaintext is copied once, into it.
let counter = 0;
let slot = null;
let fill = 0;

function emit(last) {
  const index = counter++;
  const flags = last ? LAST_FLAG : 0;
  if (index % 8 < share) {
    // Sealed in place: the body and tag replace the plaintext they were made from.
    ring.commit(ageSealInPlace(key, index, slot, fill, last), flags | SEALED_FLAG);
  } else ring.commit(fill, flags);
  slot = null;
  fill = 0;
}

function push(bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    // A full chunk goes out as "not last" only once another byte follows it.
    if (fill === AGE_CHUNK) emit(false);
    slot ??= ring.claim();
    const take = Math.min(AGE_CHUNK - fill, bytes.length - offset);
    bytes.copy(slot, fill, offset, offset + take);
    fill += take;
    offset += take;
  }
}

function progress() {
  let since = 0;
  return (bytes, force) => {
    since += bytes;
    if (since >= PROGRESS_EVERY || (force && since > 0)) {
      parentPort.postMessage({ type: 'progress', bytes: since });
      since = 0;
    }
  };
}

function feedVault(source) {
  const fd = fs.openSync(source.path, 'r');
  const fileKey = Buffer.from(source.key);
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_LENGTH);
    if (readFull(fd, header) !== HEADER_LENGTH || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new Corrupt();
    }
    const prefix = Buffer.from(header.subarray(MAGIC.length));
    const body = size - HEADER_LENGTH;
    const chunks = Math.max(1, Math.ceil(body / (CHUNK + TAG)));
    if (body - chunks * TAG !== source.size) throw new Corrupt();
    // Read READ_CHUNKS sealed chunks per system call: fewer calls, the same bytes copied.
    const batch = Buffer.allocUnsafe(READ_CHUNKS * (CHUNK + TAG));
    let filled = 0;
    let at = 0;
    const report = progress();
    for (let index = 0; index < chunks; index++) {
      if (ring.stopped()) throw new Stopped('stopped');
      const last = index === chunks - 1;
      if (at === filled) {
        filled = readFull(fd, batch);
        at = 0;
      }
      const length = Math.min(CHUNK + TAG, filled - at);
      if (length < TAG || (!last && length !== CHUNK + TAG)) throw new Corrupt();
      const sealed = batch.subarray(at, at + length);
      at += length;
      const plain = openEvidenceChunk(fileKey, prefix, source.fileId, index, last, sealed);
      if (plain === null) throw new Corrupt();
      push(plain);
      report(plain.length, last);
      used.add(plain);
    }
  } finally {
    fileKey.fill(0);
    fs.closeSync(fd);
  }
}

function feedPlain(source) {
  const fd = fs.openSync(source.path, 'r');
  try {
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    const report = progress();
    let size = 0;
    for (;;) {
      if (ring.stopped()) throw new Stopped('stopped');
      const n = readFull(fd, buffer);
      const piece = buffer.subarray(0, n);
      size += n;
      if (size > source.size) throw new Corrupt();
      hash.update(piece);
      push(piece);
      report(n, n < buffer.length);
      if (n < buffer.length) break;
    }
    // Never send a file that changed since its hash was taken.
    if (size !== source.size || hash.digest('hex') !== source.sha256) throw new Corrupt();
  } finally {
    fs.closeSync(fd);
  }
}

parentPort.on('message', (message) => {
  try {
    if (message.type === 'data') {
      const bytes = message.chunk.byteLength;
      push(asBuffer(message.chunk));
      // Counted before it goes to the discarder: a freed buffer has no length, and a chunk
      // acknowledged as 0 bytes would shrink main's window for good.
      used.add(message.chunk);
      parentPort.postMessage({ type: 'ack', bytes });
    } else if (message.type === 'evidence') {
      if (message.source.kind === 'vault') feedVault(message.source);
      else feedPlain(message.source);
      parentPort.postMessage({ type: 'evidenceDone' });
    } else if (message.type === 'end') {
      slot ??= ring.claim();
      emit(true);
      key.fill(0);
      ring.end();
    }
  } catch (error) {
    key.fill(0); // The job has failed: nothing more is sealed with it.
    if (error instanceof Stopped) return;
    parentPort.postMessage({
      type: 'error',
      code: error instanceof Corrupt ? 'evidence_corrupt' : null,
      message: String((error && error.message) || error),
    });
  }
});
`;

/**
 * The seal thread finishes the chunks the feed left in plaintext and writes the file: the
 * header, then the payload, into numbered part files of at most `splitSize` bytes, each fsynced
 * when closed.
 *
 * In: workerData { header, nonce, payloadKey, tempBase, splitSize, ring, slots, diskFlow }.
 * Out: { type: 'flush', path, bytes }, { type: 'done', parts, size } or
 * { type: 'error', code, message }.
 */
export const SEAL_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
${SODIUM_JS}
${RING_JS}
${AGE_STREAM_JS}
${IO_FAILURE_JS}

const { tempBase, splitSize } = workerData;
const key = Buffer.from(workerData.payloadKey);
const ring = ringOf(workerData.ring, workerData.slots, AGE_SEALED);
const parts = [];
let fd = -1;
let inPart = 0;
let total = 0;

function partName(index) {
  return tempBase + '.' + String(index).padStart(3, '0');
}

/*
 * Flushing while writing: every FLUSH_EVERY bytes the main thread is asked to flush the part
 * (part-flusher.ts: this loop never yields, so it could not hear back from a flush of its own),
 * and this thread waits before writing a second stretch past one still being flushed.
 */
const FLUSH_EVERY = 32 * 1024 * 1024;
const BATCH = 32;
const disk = flowOf(workerData.diskFlow);
let sinceFlush = 0;

function closePart() {
  if (fd < 0) return;
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fd = -1;
}

function written(bytes) {
  inPart += bytes;
  total += bytes;
  sinceFlush += bytes;
  if (sinceFlush >= FLUSH_EVERY) {
    parentPort.postMessage({ type: 'flush', path: parts[parts.length - 1], bytes: sinceFlush });
    disk.reserve(sinceFlush, 0);
    sinceFlush = 0;
  }
}

function write(bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    if (fd < 0 || inPart === splitSize) {
      closePart();
      const name = partName(parts.length + 1);
      fd = fs.openSync(name, 'wx', 0o600);
      parts.push(name);
      inPart = 0;
    }
    const take = Math.min(bytes.length - offset, splitSize - inPart);
    let done = 0;
    while (done < take) done += fs.writeSync(fd, bytes, offset + done, take - done);
    offset += take;
    written(take);
  }
}

/** Several pieces in one system call when they fit in the current part; else one by one. */
function writeAll(pieces) {
  if (pieces.length === 0) return;
  const bytes = pieces.reduce((sum, piece) => sum + piece.length, 0);
  let done = 0;
  if (fd >= 0 && inPart + bytes <= splitSize) {
    done = fs.writevSync(fd, pieces);
    written(done);
  }
  // Whatever one call did not write (or could not, at a part's end), piece by piece.
  for (const piece of pieces) {
    if (done >= piece.length) done -= piece.length;
    else {
      write(piece.subarray(done));
      done = 0;
    }
  }
}

try {
  const header = Buffer.concat([Buffer.from(workerData.header), Buffer.from(workerData.nonce)]);
  write(header);
  // Up to BATCH chunks are written with one call; their ring slots are released after it.
  const pending = [];
  let held = 0;
  const drain = () => {
    writeAll(pending);
    pending.length = 0;
    for (; held > 0; held--) ring.release();
  };
  for (let counter = 0; ; counter++) {
    const next = ring.take();
    if (next === null) break;
    held += 1;
    if (next.flags & SEALED_FLAG) pending.push(next.bytes);
    else {
      // Sealed in place too, in the ring slot (it has room for the tag).
      const last = (next.flags & LAST_FLAG) !== 0;
      pending.push(next.slot.subarray(0, ageSealInPlace(key, counter, next.slot, next.bytes.length, last)));
    }
    if (held === BATCH) drain();
  }
  drain();
  closePart();
  key.fill(0);
  parentPort.postMessage({ type: 'done', parts, size: total });
} catch (error) {
  key.fill(0);
  try { if (fd >= 0) fs.closeSync(fd); } catch {}
  for (const name of parts) { try { fs.rmSync(name, { force: true }); } catch {} }
  if (!(error instanceof Stopped)) {
    // A full or failing drive is said as such (no part is left behind, above).
    const code = fsFailureCode(error, 'write');
    parentPort.postMessage({ type: 'error', code, message: String((error && error.message) || error) });
  }
}
`;
