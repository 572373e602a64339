import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { evidenceDir, evidenceFile } from './evidence-paths';
import { type StoredEvidence, type StoredRef } from './evidence-store';

/*
 * The evidence file format (docs/evidence-storage.md) as async streams, for the exchange: an
 * export reads an item chunk by chunk straight into the archive, an import writes one from the
 * spool — no plaintext file in between. It mirrors evidence-worker-source.ts (the tests read
 * with one what the other wrote). It runs on the main thread: one native AES-GCM call per
 * 64 KiB chunk between awaits, while the costly age encryption of the export has its own worker.
 */
const MAGIC = Buffer.from('RSGEVD01', 'ascii');
const PREFIX_LENGTH = 7;
const CHUNK = 64 * 1024;
const TAG = 16;

function nonceAndAad(prefix: Buffer, fileId: string, index: number, last: boolean) {
  const position = Buffer.alloc(5);
  position.writeUInt32BE(index, 0);
  position[4] = last ? 1 : 0;
  return {
    nonce: Buffer.concat([prefix, position]),
    aad: Buffer.concat([MAGIC, Buffer.from(fileId, 'ascii'), position]),
  };
}

/**
 * The plaintext of one item. Every chunk is authenticated before it is handed out, and the
 * SHA-256 recorded at intake is checked at the end: a damaged file fails with
 * `evidence_corrupt`, which fails the whole export rather than sending altered evidence.
 */
export async function* decryptEvidenceStream(
  dataDir: string,
  item: StoredRef,
): AsyncGenerator<Buffer> {
  const handle = await open(evidenceFile(dataDir, item.fileId), 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(MAGIC.length + PREFIX_LENGTH);
    const { bytesRead } = await handle.read(header, 0, header.length, null);
    if (bytesRead !== header.length || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new AppFailure('evidence_corrupt');
    }
    const prefix = header.subarray(MAGIC.length);
    const chunks = Math.max(1, Math.ceil((size - header.length) / (CHUNK + TAG)));
    const hash = createHash('sha256');
    for (let index = 0; index < chunks; index++) {
      const last = index === chunks - 1;
      const sealed = Buffer.alloc(CHUNK + TAG);
      const { bytesRead: length } = await handle.read(sealed, 0, sealed.length, null);
      if (length < TAG || (!last && length !== CHUNK + TAG))
        throw new AppFailure('evidence_corrupt');
      const { nonce, aad } = nonceAndAad(prefix, item.fileId, index, last);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', item.fileKey, nonce, {
          authTagLength: TAG,
        });
        decipher.setAAD(aad);
        decipher.setAuthTag(sealed.subarray(length - TAG, length));
        plain = Buffer.concat([
          decipher.update(sealed.subarray(0, length - TAG)),
          decipher.final(),
        ]);
      } catch {
        throw new AppFailure('evidence_corrupt');
      }
      hash.update(plain);
      yield plain;
    }
    if (hash.digest('hex') !== item.sha256) throw new AppFailure('evidence_corrupt');
  } finally {
    await handle.close();
  }
}

/** Gather an arbitrary stream into exact 64 KiB pieces, keeping one back to know the last. */
async function* fixedChunks(content: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  for await (const piece of content) {
    pending = pending.length === 0 ? Buffer.from(piece) : Buffer.concat([pending, piece]);
    while (pending.length > CHUNK) {
      yield pending.subarray(0, CHUNK);
      pending = pending.subarray(CHUNK);
    }
  }
  yield pending;
}

/**
 * Encrypt a stream into the evidence folder under a fresh key, as an intake would: `<id>.part`,
 * fsync, rename. Returns the key for the database row; the caller removes the file if the row
 * is never written.
 */
export async function encryptEvidenceStream(
  dataDir: string,
  content: AsyncIterable<Uint8Array>,
): Promise<StoredEvidence> {
  await mkdir(evidenceDir(dataDir), { recursive: true, mode: 0o700 });
  const fileId = randomBytes(16).toString('hex');
  const fileKey = randomBytes(32);
  const final = evidenceFile(dataDir, fileId);
  const partial = `${final}.part`;
  const handle = await open(partial, 'wx', 0o600);
  try {
    const prefix = randomBytes(PREFIX_LENGTH);
    await handle.write(Buffer.concat([MAGIC, prefix]));
    const hash = createHash('sha256');
    let index = 0;
    let size = 0;
    let previous: Buffer | null = null;
    const seal = async (plain: Buffer, last: boolean) => {
      const { nonce, aad } = nonceAndAad(prefix, fileId, index, last);
      const cipher = createCipheriv('aes-256-gcm', fileKey, nonce, { authTagLength: TAG });
      cipher.setAAD(aad);
      await handle.write(
        Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]),
      );
      index += 1;
    };
    for await (const chunk of fixedChunks(content)) {
      hash.update(chunk);
      size += chunk.length;
      // A full chunk is sealed as "not last" only once another one follows it.
      if (previous) await seal(previous, false);
      previous = Buffer.from(chunk);
    }
    await seal(previous ?? Buffer.alloc(0), true);
    await handle.sync();
    await handle.close();
    await rename(partial, final);
    return { fileId, fileKey, sha256: hash.digest('hex'), size };
  } catch (error) {
    fileKey.fill(0);
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
