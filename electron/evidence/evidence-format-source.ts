/**
 * The evidence file format (docs/evidence-storage.md) as plain JavaScript, for the worker
 * sources that are evaluated as strings (see evidence-worker-source.ts for why strings). It
 * expects `crypto` and `fs` to be in scope, and defines MAGIC, PREFIX_LENGTH, HEADER_LENGTH,
 * CHUNK, TAG, nonceAndAad, readFull, writeFully, sealEvidenceChunk, openEvidenceChunk and
 * createEvidenceSealer.
 *
 * MAGIC (8 bytes) ‖ nonce prefix (7 random bytes) ‖ chunks. Each chunk is AES-256-GCM over at
 * most 64 KiB of plaintext, followed by its 16-byte tag. The nonce is prefix ‖ chunk index
 * (uint32 BE) ‖ last-chunk flag; the additional data is MAGIC ‖ file id ‖ index ‖ flag: a
 * truncated, reordered, spliced or swapped chunk fails authentication.
 */
export const EVIDENCE_FORMAT_JS = String.raw`
const MAGIC = Buffer.from('RSGEVD01', 'ascii');
const PREFIX_LENGTH = 7;
const HEADER_LENGTH = MAGIC.length + PREFIX_LENGTH;
const CHUNK = 64 * 1024;
const TAG = 16;

function nonceAndAad(prefix, fileId, index, last) {
  const position = Buffer.alloc(5);
  position.writeUInt32BE(index, 0);
  position[4] = last ? 1 : 0;
  return {
    nonce: Buffer.concat([prefix, position]),
    aad: Buffer.concat([MAGIC, Buffer.from(fileId, 'ascii'), position]),
  };
}

/** Read until the buffer is full or the file ends; the number of bytes read. */
function readFull(fd, buffer) {
  let filled = 0;
  while (filled < buffer.length) {
    const n = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
    if (n === 0) break;
    filled += n;
  }
  return filled;
}

/** Write every byte of the pieces, in order (in one call unless the system writes less). */
function writeFully(fd, pieces) {
  let written = fs.writevSync(fd, pieces);
  for (const piece of pieces) {
    if (written >= piece.length) {
      written -= piece.length;
      continue;
    }
    let offset = written;
    written = 0;
    while (offset < piece.length) offset += fs.writeSync(fd, piece, offset, piece.length - offset);
  }
}

/** One chunk sealed, as its body and its tag (written together, not joined: one copy less). */
function sealEvidenceChunk(key, prefix, fileId, index, last, plain) {
  const { nonce, aad } = nonceAndAad(prefix, fileId, index, last);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
  cipher.setAAD(aad);
  const body = cipher.update(plain);
  cipher.final();
  return [body, cipher.getAuthTag()];
}

/** The plaintext of one sealed chunk, or null when it does not authenticate. */
function openEvidenceChunk(key, prefix, fileId, index, last, sealed) {
  try {
    const { nonce, aad } = nonceAndAad(prefix, fileId, index, last);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG));
    decipher.final();
    return plain;
  } catch {
    return null;
  }
}

/**
 * A new evidence file at <dir>/<file id>.part under a fresh key, fed in pieces of any size;
 * finish() seals the last chunk, fsyncs and renames it into place. 'used', when given, is told
 * of each sealed body once written (a discarder, RING_JS, frees it at once).
 */
function createEvidenceSealer(dir, used) {
  const fileId = crypto.randomBytes(16).toString('hex');
  const key = crypto.randomBytes(32);
  const prefix = crypto.randomBytes(PREFIX_LENGTH);
  const partial = dir + '/' + fileId + '.part';
  const fd = fs.openSync(partial, 'wx', 0o600);
  fs.writeSync(fd, Buffer.concat([MAGIC, prefix]));
  let chunk = Buffer.alloc(CHUNK);
  let fill = 0;
  let index = 0;
  const seal = (last) => {
    const [body, tag] = sealEvidenceChunk(key, prefix, fileId, index, last, chunk.subarray(0, fill));
    writeFully(fd, [body, tag]);
    if (used) used.add(body);
    index += 1;
    fill = 0;
  };
  return {
    fileId,
    key,
    write(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        // A full chunk is sealed as "not last" only once another byte follows it.
        if (fill === CHUNK) seal(false);
        const take = Math.min(CHUNK - fill, bytes.length - offset);
        bytes.copy(chunk, fill, offset, offset + take);
        fill += take;
        offset += take;
      }
    },
    finish() {
      seal(true);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(partial, dir + '/' + fileId);
    },
    abandon() {
      try { fs.closeSync(fd); } catch {}
      try { fs.rmSync(partial, { force: true }); } catch {}
    },
  };
}
`;
