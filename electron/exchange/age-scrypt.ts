import { scrypt } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { SCRYPT_LOG_N } from './age-header';
import { checkHeaderMac, decodeCanonical, openStanzaBody, parseAgeHeader } from './age-stanzas';

/**
 * Unwrap the file key of a passphrase age header (a single scrypt stanza, as age requires) with
 * Node's native crypto. Why not typage: its scrypt is pure JavaScript on the calling thread — at
 * work factor 2^18 it blocked the main event loop for ~13 s here; Node's `scrypt` runs on the
 * thread pool, so the window stays responsive while an import or a read-back verify starts.
 */
export async function unwrapScryptHeader(header: Buffer, passphrase: string): Promise<Uint8Array> {
  const parsed = parseAgeHeader(header);
  const [stanza, ...others] = parsed.stanzas;
  // Not a passphrase file (or more than one stanza, which age forbids with scrypt).
  if (stanza?.type !== 'scrypt' || others.length > 0) throw new AppFailure('exchange_wrong_key');
  const [saltText, work] = stanza.args;
  if (stanza.args.length !== 2 || !/^[1-9][0-9]?$/.test(work ?? '')) {
    throw new AppFailure('exchange_corrupt');
  }
  const logN = Number(work);
  // Refuse more work than we ever write: a hostile header must not cost a gigabyte of memory.
  if (logN > SCRYPT_LOG_N) throw new AppFailure('exchange_corrupt');
  const salt = decodeCanonical(saltText ?? '');
  if (salt.length !== 16 || stanza.body.length !== 32) throw new AppFailure('exchange_corrupt');
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
  const fileKey = openStanzaBody(wrapKey, stanza.body);
  wrapKey.fill(0);
  if (fileKey === null) throw new AppFailure('exchange_wrong_key');
  checkHeaderMac(parsed, fileKey);
  return fileKey;
}
