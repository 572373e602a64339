import { EVIDENCE_FORMAT_JS } from '../evidence/evidence-format-source';
import { IO_FAILURE_JS } from '../files/io-failure';
import { AGE_STREAM_JS, RING_JS, SODIUM_JS } from './worker-snippets';

/*
 * The two threads that read an export, as plain JavaScript (see encrypt-worker-source.ts for
 * why strings): open → entries, through a MessagePort that hands over the opened chunks'
 * memory in batches (no copy), bounded by a flow in shared memory (RING_JS's flowOf).
 */

/**
 * The open thread reads the file (its parts joined), copies it as it is — still encrypted — to
 * `copyPath` when given (not fsynced: after a crash the import starts over), and opens every
 * age chunk: the entries thread has the hashing (and, when storing, the sealing), which costs
 * as much. The last chunk is known from the file size; a file cut short or altered fails
 * authentication.
 *
 * In: workerData { copyPath, port, flow, readPauseMs (tests: a slow stick) }; then one message
 * { fds, payloadKey, payloadStart }: the parts' descriptors, opened and checked as regular files
 * by the main thread (regular-file.ts), which closes them once this thread has stopped.
 * To the entries thread, through `port`: { chunks, bytes } (transferred), then { end: true }.
 * Out: { type: 'progress', bytes }, { type: 'done' }, { type: 'error', code, message }.
 */
export const OPEN_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
${SODIUM_JS}
${RING_JS}
${AGE_STREAM_JS}
${IO_FAILURE_JS}

const READ = 64 * AGE_SEALED;
const PROGRESS_EVERY = 4 * 1024 * 1024;
const { copyPath, readPauseMs } = workerData;
const pause = new Int32Array(new SharedArrayBuffer(4));
// Set by the start message: the thread boots while the main thread opens the header.
let fds = [];
let payloadStart = 0;
let key = null;
const toEntries = workerData.port;
const flow = flowOf(workerData.flow);
class Corrupt extends Error {}

/**
 * Opened chunks go to the entries thread in batches, their memory handed over (transferred, not
 * copied); at most WINDOW bytes are in flight, given back by the entries thread as it walks.
 */
const BATCH = 32;
const WINDOW = 8 * 1024 * 1024;
let batch = [];
let batchBytes = 0;
let counter = 0;

function send() {
  flow.reserve(batchBytes, WINDOW);
  toEntries.postMessage({ chunks: batch, bytes: batchBytes }, batch.map((chunk) => chunk.buffer));
  batch = [];
  batchBytes = 0;
}

function take(sealed, last) {
  const opened = ageOpen(key, counter++, sealed, last);
  if (opened === null) throw new Corrupt();
  // Only a buffer that owns all of its memory can be handed over whole.
  const plain = opened.byteOffset === 0 && opened.buffer.byteLength === opened.length
    ? opened
    : new Uint8Array(opened);
  batch.push(plain);
  batchBytes += plain.length;
  if (batch.length === BATCH || last) send();
}

function writeAll(fd, bytes) {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

function run() {
  const sizes = fds.map((fd) => fs.fstatSync(fd).size);
  const payload = sizes.reduce((sum, size) => sum + size, 0) - payloadStart;
  const chunks = Math.max(1, Math.ceil(payload / AGE_SEALED));
  const lastLength = payload - (chunks - 1) * AGE_SEALED;
  // An empty last chunk is only valid for an empty payload; anything shorter than a tag is cut.
  if (lastLength < 16 || (lastLength === 16 && chunks > 1)) throw new Corrupt();
  const copy = copyPath ? fs.openSync(copyPath, 'wx', 0o600) : -1;
  try {
    // One fixed buffer: the unread tail of a read moves to the front, the next read follows it.
    const area = Buffer.allocUnsafe(READ + AGE_SEALED);
    let held = 0;
    let skip = payloadStart;
    let since = 0;
    for (const fd of fds) {
      // At explicit positions: the descriptor's own offset is not this thread's to rely on.
      let position = 0;
      {
        for (;;) {
          if (flow.stopped()) throw new Stopped('stopped');
          const n = fs.readSync(fd, area, held, READ, position);
          if (n === 0) break;
          position += n;
          if (copy >= 0) writeAll(copy, area.subarray(held, held + n));
          since += n;
          if (since >= PROGRESS_EVERY) {
            parentPort.postMessage({ type: 'progress', bytes: since });
            since = 0;
            if (readPauseMs > 0) Atomics.wait(pause, 0, 0, readPauseMs);
          }
          let offset = 0;
          if (skip > 0) {
            const header = Math.min(skip, n);
            skip -= header;
            area.copy(area, held, held + header, held + n);
            held += n - header;
          } else held += n;
          while (held - offset >= AGE_SEALED && counter < chunks - 1) {
            take(area.subarray(offset, offset + AGE_SEALED), false);
            offset += AGE_SEALED;
          }
          area.copy(area, 0, offset, held);
          held -= offset;
        }
      }
    }
    // The parts changed size while being read: not the file that was measured.
    if (counter !== chunks - 1 || held !== lastLength) throw new Corrupt();
    take(area.subarray(0, held), true);
    parentPort.postMessage({ type: 'progress', bytes: since });
  } finally {
    if (copy >= 0) fs.closeSync(copy);
  }
  key.fill(0);
  toEntries.postMessage({ end: true });
  toEntries.close();
  parentPort.postMessage({ type: 'done' });
}

parentPort.once('message', (start) => {
  fds = start.fds;
  payloadStart = start.payloadStart;
  key = Buffer.from(start.payloadKey);
  try {
    run();
  } catch (error) {
    key.fill(0);
    if (!(error instanceof Stopped)) {
      parentPort.postMessage({
        type: 'error',
        // The file unreadable (a stick pulled out): said as such.
        code:
          error instanceof Corrupt ? 'exchange_corrupt'
          : error && error.syscall !== 'write' ? fsFailureCode(error, 'read')
          // The copy into the app's own folder: this computer's disk may fill up.
          : fsFailureCode(error, 'local'),
        message: String((error && error.message) || error),
      });
    }
  }
});
`;

/**
 * The entries thread walks the inner tar and hashes every entry. Checking mode: it sends the
 * main thread each header block, the bodies of the small entries (records, manifest, signature
 * — never evidence, refused above `smallMax`) and each entry's size and SHA-256; the main
 * thread judges them (tar-reader.ts, archive-sink.ts).
 * Storing mode (the apply pass over the checked copy): each wanted evidence entry is encrypted
 * into `folder` under fresh keys (`wanted[sha256]` copies, one per item row), renamed into place
 * only when its hash matches its name.
 *
 * In: workerData { port, flow, mainFlow, smallMax, store: { folder, wanted } | null }; through
 * `port`, the open thread's batches of opened chunks (given back on `flow` once walked).
 * Out: { type: 'header', block }, { type: 'data', bytes }, { type: 'end', sha256, size },
 * { type: 'stored', sha256, items: [{ fileId, key }] },
 * { type: 'finished' }, { type: 'error', code, message }.
 */
export const ENTRIES_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
${RING_JS}
${EVIDENCE_FORMAT_JS}
${IO_FAILURE_JS}

const BLOCK = 512;
const WINDOW = 8 * 1024 * 1024;
const EVIDENCE = 'evidence/';
const { smallMax, store } = workerData;
const fromOpen = workerData.port;
const used = discarder();
const mainFlow = flowOf(workerData.mainFlow);
class Corrupt extends Error {}
class TooLarge extends Error {}

let state = 'header';
let held = Buffer.alloc(0);
let left = 0;
let padding = 0;
let zeroBlocks = 0;
let headers = 0;
let entry = null;
const open = [];

function octal(block, offset, length) {
  const text = block.subarray(offset, offset + length).toString('latin1').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]{1,11}$/.test(text)) throw new Corrupt();
  return parseInt(text, 8);
}

function startEntry(block) {
  const size = octal(block, 124, 12);
  const name = block.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
  const evidence = name.startsWith(EVIDENCE);
  if (!store && !evidence && size > smallMax) throw new TooLarge();
  headers += 1;
  const wanted = store && evidence ? store.wanted[name.slice(EVIDENCE.length)] || 0 : 0;
  const sealers = [];
  for (let i = 0; i < wanted; i++) {
    const sealer = createEvidenceSealer(store.folder, used);
    open.push(sealer);
    sealers.push(sealer);
  }
  if (!store) parentPort.postMessage({ type: 'header', block: new Uint8Array(block) });
  entry = { name, evidence, size: 0, hash: crypto.createHash('sha256'), sealers };
  if (size === 0) endEntry();
  else {
    state = 'body';
    left = size;
    padding = (BLOCK - (size % BLOCK)) % BLOCK;
  }
}

function body(piece) {
  entry.hash.update(piece);
  entry.size += piece.length;
  for (const sealer of entry.sealers) sealer.write(piece);
  if (!store && !entry.evidence) {
    mainFlow.reserve(piece.length, WINDOW);
    const bytes = new Uint8Array(piece);
    parentPort.postMessage({ type: 'data', bytes }, [bytes.buffer]);
  }
}

function endEntry() {
  const sha256 = entry.hash.digest('hex');
  if (entry.sealers.length) {
    if (sha256 !== entry.name.slice(EVIDENCE.length)) throw new Corrupt();
    for (const sealer of entry.sealers) sealer.finish();
    parentPort.postMessage({
      type: 'stored',
      sha256,
      items: entry.sealers.map((s) => ({ fileId: s.fileId, key: new Uint8Array(s.key) })),
    });
    for (const sealer of entry.sealers) sealer.key.fill(0);
  }
  if (!store) parentPort.postMessage({ type: 'end', sha256, size: entry.size });
  entry = null;
  state = 'header';
}

function walk(bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    if (state === 'body' || state === 'padding') {
      const take = Math.min(left, bytes.length - offset);
      if (state === 'body') body(bytes.subarray(offset, offset + take));
      offset += take;
      left -= take;
      if (left > 0) continue;
      if (state === 'body') {
        endEntry();
        if (padding > 0) {
          state = 'padding';
          left = padding;
        }
      } else state = 'header';
      continue;
    }
    const take = Math.min(BLOCK - held.length, bytes.length - offset);
    held = Buffer.concat([held, bytes.subarray(offset, offset + take)]);
    offset += take;
    if (held.length < BLOCK) return;
    const block = held;
    held = Buffer.alloc(0);
    if (block.every((b) => b === 0)) {
      state = 'trailer';
      zeroBlocks += 1;
    } else if (state === 'trailer') throw new Corrupt();
    else startEntry(block);
  }
}

function fail(error) {
  for (const sealer of open) sealer.abandon();
  if (error instanceof Stopped) return;
  // Plaintext that is not even a tar header to start with: a valid age file, but not ours.
  const code =
    error instanceof TooLarge ? 'exchange_too_large'
    : error instanceof Corrupt ? (headers === 0 ? 'exchange_not_ours' : 'exchange_corrupt')
    // Storing into the evidence folder: the computer's own disk may fill up.
    : store ? fsFailureCode(error, 'local')
    : null;
  parentPort.postMessage({ type: 'error', code, message: String((error && error.message) || error) });
}

fromOpen.on('message', (message) => {
  try {
    if (message.end) {
      fromOpen.close();
      if (state !== 'trailer' || zeroBlocks < 2 || held.length > 0) throw new Corrupt();
      parentPort.postMessage({ type: 'finished' });
      return;
    }
    for (const chunk of message.chunks) {
      walk(asBuffer(chunk));
      // Nothing keeps a view into it (what goes on is copied).
      used.add(chunk);
    }
    used.flush();
    releaseFlow(workerData.flow, message.bytes);
  } catch (error) {
    fromOpen.close();
    fail(error);
  }
});
`;
