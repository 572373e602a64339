import { createDecipheriv, createHmac, hkdfSync, scrypt, timingSafeEqual } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { SCRYPT_LOG_N } from './age-header';

/**
 * Unwrap the file key of a passphrase age header (a single scrypt stanza, as age requires) with
 * Node's native crypto. Why not typage: its scrypt is pure JavaScript on the calling thread — at
 * work factor 2^18 it blocked the main event loop for ~13 s here; Node's `scrypt` runs on the
 * thread pool, so the window stays responsive while an import or a read-back verify starts.
 */
export async function unwrapScryptHeader(header: Buffer, passphrase: string): Promise<Uint8Array> {
  const macAt = header.lastIndexOf('\n--- ');
  if (macAt < 0) throw new AppFailure('exchange_corrupt');
  const lines = header.subarray(0, macAt).toString('latin1').split('\n');
  const stanza = /^-> scrypt (\S+) (\d+)$/.exec(lines[1] ?? '');
  // Not a passphrase file (or more than one stanza, which age forbids with scrypt).
  if (!stanza || lines.length !== 3) throw new AppFailure('exchange_wrong_key');
  const logN = Number(stanza[2]);
  // Refuse more work than we ever write: a hostile header must not cost a gigabyte of memory.
  if (!Number.isInteger(logN) || logN < 1 || logN > SCRYPT_LOG_N)
    throw new AppFailure('exchange_corrupt');
  const salt = Buffer.from(stanza[1] ?? '', 'base64');
  if (salt.length !== 16) throw new AppFailure('exchange_corrupt');
  const label = Buffer.concat([Buffer.from('age-encryption.org/v1/scrypt'), salt]);
  const wrapKey = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      passphrase,
      label,
      32,
      { N: 2 ** logN, r: 8, p: 1, maxmem: 300 * 1024 * 1024 },
      (e, k) => (e ? reject(e) : resolve(k)),
    ),
  );
  const wrapped = Buffer.from(lines[2] ?? '', 'base64');
  const fileKey = openOrNull(wrapKey, Buffer.alloc(12), wrapped);
  wrapKey.fill(0);
  if (fileKey === null || fileKey.length !== 16) throw new AppFailure('exchange_wrong_key');
  const headerEnd = header.indexOf('\n', macAt + 1);
  const macKey = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
  const expected = createHmac('sha256', macKey)
    .update(header.subarray(0, macAt + 4))
    .digest();
  const stored = Buffer.from(
    header.subarray(macAt + 5, headerEnd < 0 ? header.length : headerEnd).toString('latin1'),
    'base64',
  );
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
    throw new AppFailure('exchange_corrupt');
  }
  return fileKey;
}

function openOrNull(key: Buffer, iv: Buffer, sealed: Buffer): Buffer | null {
  if (sealed.length < 16) return null;
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - 16)),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}
