import { createDecipheriv, createHmac, hkdfSync, scrypt, timingSafeEqual } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { SCRYPT_LOG_N } from '../exchange/age-header';

const CHUNK = 64 * 1024;
const TAG = 16;

/**
 * Open a passphrase age file (one scrypt stanza, as the exchange writes them) with Node's
 * native crypto, to read back a dossier just written. Why not `decryptAge`: it unwraps headers
 * with typage, whose scrypt is pure JavaScript on the calling thread — at work factor 2^18 that
 * blocked the main event loop for ~13 s here. Node's `scrypt` runs on the thread pool.
 * Whole file in memory: dossiers are small. Any mismatch is `exchange_corrupt`.
 */
export async function openPassphraseAge(file: Buffer, passphrase: string): Promise<Buffer> {
  const macAt = file.indexOf('\n--- ');
  const headerEnd = macAt < 0 ? -1 : file.indexOf('\n', macAt + 1);
  if (headerEnd < 0) throw new AppFailure('exchange_corrupt');
  const lines = file.subarray(0, macAt).toString('latin1').split('\n');
  const stanza = /^-> scrypt (\S+) (\d+)$/.exec(lines[1] ?? '');
  if (lines[0] !== 'age-encryption.org/v1' || !stanza || lines.length !== 3)
    throw new AppFailure('exchange_corrupt');
  const logN = Number(stanza[2]);
  if (logN > SCRYPT_LOG_N) throw new AppFailure('exchange_corrupt');
  const salt = Buffer.from(stanza[1] ?? '', 'base64');
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
  const fileKey = open(wrapKey, Buffer.alloc(12), Buffer.from(lines[2] ?? '', 'base64'));
  const macKey = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
  const mac = createHmac('sha256', macKey)
    .update(file.subarray(0, macAt + 4))
    .digest();
  const stored = Buffer.from(file.subarray(macAt + 5, headerEnd).toString('latin1'), 'base64');
  if (stored.length !== mac.length || !timingSafeEqual(stored, mac))
    throw new AppFailure('exchange_corrupt');
  const nonce = file.subarray(headerEnd + 1, headerEnd + 17);
  const payloadKey = Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
  const out: Buffer[] = [];
  let at = headerEnd + 17;
  for (let counter = 0; ; counter++) {
    const last = file.length - at <= CHUNK + TAG;
    const iv = Buffer.alloc(12);
    iv.writeUIntBE(counter, 5, 6);
    if (last) iv[11] = 1;
    out.push(open(payloadKey, iv, file.subarray(at, last ? file.length : at + CHUNK + TAG)));
    if (last) return Buffer.concat(out);
    at += CHUNK + TAG;
  }
}

function open(key: Buffer, iv: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < TAG) throw new AppFailure('exchange_corrupt');
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, iv, { authTagLength: TAG });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG)),
      decipher.final(),
    ]);
  } catch {
    throw new AppFailure('exchange_corrupt');
  }
}
