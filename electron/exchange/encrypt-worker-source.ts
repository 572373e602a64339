/**
 * The encryption worker, as plain JavaScript evaluated with `new Worker(source, { eval: true })`.
 * Why a string: the same code then loads under vitest/tsx and after electron-vite bundles main
 * into one file, with no worker file path to resolve (and no bundler helpers injected into it).
 * Keep it self-contained: it may only `require` Node built-ins.
 *
 * It encrypts the age payload (STREAM: ChaCha20-Poly1305, 64 KiB chunks, 11-byte big-endian
 * counter + last-chunk flag as nonce; age-encryption.org/v1) and writes it after the header, into
 * numbered part files of at most `splitSize` bytes each, fsynced when closed.
 *
 * In: workerData { header, nonce, payloadKey, tempBase, splitSize }; messages
 * { type: 'data', chunk } and { type: 'end' }. Out: { type: 'ack', bytes } per data message,
 * { type: 'done', parts, size } or { type: 'error', message }.
 */
export const ENCRYPT_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv } = require('node:crypto');
const fs = require('node:fs');

const CHUNK = 64 * 1024;
const { header, nonce, payloadKey, tempBase, splitSize } = workerData;
const key = Buffer.from(payloadKey);
const parts = [];
let fd = -1;
let inPart = 0;
let total = 0;
let counter = 0n;
let pending = Buffer.alloc(0);

function partName(index) {
  return tempBase + '.' + String(index).padStart(3, '0');
}

function closePart() {
  if (fd < 0) return;
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fd = -1;
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
    inPart += take;
    total += take;
  }
}

function sealChunk(plain, last) {
  const iv = Buffer.alloc(12);
  let c = counter;
  for (let i = 10; i >= 0; i--) { iv[i] = Number(c & 0xffn); c >>= 8n; }
  if (last) iv[11] = 1;
  counter += 1n;
  const cipher = createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
  write(Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
}

function fail(error) {
  try { if (fd >= 0) fs.closeSync(fd); } catch {}
  for (const name of parts) { try { fs.rmSync(name, { force: true }); } catch {} }
  parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
}

try {
  write(Buffer.from(header));
  write(Buffer.from(nonce));
} catch (error) { fail(error); }

parentPort.on('message', (message) => {
  try {
    if (message.type === 'data') {
      const chunk = Buffer.from(message.chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      // Hold back the last full chunk: only the end of input tells whether it is the final one.
      let offset = 0;
      while (pending.length - offset > CHUNK) {
        sealChunk(pending.subarray(offset, offset + CHUNK), false);
        offset += CHUNK;
      }
      pending = Buffer.from(pending.subarray(offset));
      parentPort.postMessage({ type: 'ack', bytes: chunk.length });
    } else if (message.type === 'end') {
      sealChunk(pending, true);
      closePart();
      parentPort.postMessage({ type: 'done', parts, size: total });
    }
  } catch (error) { fail(error); }
});
`;
