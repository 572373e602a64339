import { scrypt } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { SCRYPT_LOG_N } from './age-header';
import {
  type AgeStanza,
  checkHeaderMac,
  decodeCanonical,
  openStanzaBody,
  parseAgeHeader,
} from './age-stanzas';

/**
 * Unwrap the file key of a passphrase age header (a single scrypt stanza, as age requires) with
 * Node's native crypto. Why not typage: its scrypt is pure JavaScript on the calling thread — at
 * work factor 2^18 it blocked the main event loop for ~13 s here; Node's `scrypt` runs on the
 * thread pool, so the window stays responsive while an import or a read-back verify starts.
 */
export async function unwrapScryptHeader(header: Buffer, passphrase: string): Promise<Uint8Array> {
  const parsed = parseAgeHeader(header);
  refuseScryptBesideOthers(parsed.stanzas);
  const [stanza] = parsed.stanzas;
  // Not a passphrase file: sealed to offices' keys.
  if (stanza?.type !== 'scrypt') throw new AppFailure('exchange_wrong_key');
  if (stanza.args.length > 2) throw new AppFailure('exchange_corrupt');
  const [saltText, work] = stanza.args;
  // Decimal, no sign, no leading zero (age's rule): "018" or "0x12" is not a work factor.
  if (!/^[1-9][0-9]*$/.test(work ?? '')) throw new AppFailure('exchange_scrypt_work_malformed');
  const logN = Number(work);
  // Refuse more work than we ever write: a hostile header must not cost a gigabyte of memory.
  if (logN > SCRYPT_LOG_N) throw new AppFailure('exchange_scrypt_work_too_high');
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
  let fileKey: Buffer | null;
  try {
    fileKey = openStanzaBody(wrapKey, stanza.body);
  } finally {
    wrapKey.fill(0);
  }
  if (fileKey === null) throw new AppFailure('exchange_wrong_key');
  try {
    checkHeaderMac(parsed, fileKey);
  } catch (error) {
    fileKey.fill(0);
    throw error;
  }
  return fileKey;
}

/** age forbids a passphrase stanza beside any other: a passphrase must not open others' files. */
export function refuseScryptBesideOthers(stanzas: readonly AgeStanza[]): void {
  if (stanzas.length > 1 && stanzas.some((s) => s.type === 'scrypt')) {
    throw new AppFailure('exchange_scrypt_not_alone');
  }
}
