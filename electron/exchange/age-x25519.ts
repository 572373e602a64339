import { AppFailure } from '../../shared/errors';
import { hkdfSha256 } from '../crypto/hkdf';
import { x25519PublicKey, x25519Shared } from '../crypto/x25519';
import { refuseScryptBesideOthers } from './age-scrypt';
import { bech32Decode } from './bech32';
import {
  checkHeaderMac,
  decodeCanonical,
  openStanzaBody,
  type ParsedHeader,
  parseAgeHeader,
} from './age-stanzas';

const LABEL = 'age-encryption.org/v1/X25519';

/**
 * Unwrap the file key of an age header with an X25519 identity (`AGE-SECRET-KEY-1…`), with
 * libsodium's native X25519 (crypto/x25519.ts): typage's is pure JavaScript, ~17 ms the first
 * time in a process, on the main thread, before an import's threads can start. Stanzas of other
 * types are skipped, as age does; a malformed X25519 stanza, a low-order share or a wrong MAC
 * is damage.
 */
export function unwrapX25519Header(header: Buffer, identity: string): Uint8Array {
  const parsed = parseAgeHeader(header);
  refuseScryptBesideOthers(parsed.stanzas);
  const { prefix, bytes: scalar } = bech32Decode(identity);
  try {
    if (prefix !== 'age-secret-key-' || scalar.length !== 32) throw new Error('not an identity');
    return unwrapWith(parsed, scalar);
  } finally {
    // The decoded identity (the office's secret key as bytes); the string it came from cannot be.
    scalar.fill(0);
  }
}

function unwrapWith(parsed: ParsedHeader, scalar: Uint8Array): Uint8Array {
  const ours = x25519PublicKey(scalar);
  for (const stanza of parsed.stanzas) {
    if (stanza.type !== 'X25519') continue;
    const share = decodeCanonical(stanza.args[0] ?? '');
    if (stanza.args.length !== 1 || share.length !== 32 || stanza.body.length !== 32) {
      throw new AppFailure('exchange_corrupt');
    }
    // A low-order share (an all-zero secret) is damage, as for age.
    const shared = x25519Shared(scalar, share);
    if (!shared) throw new AppFailure('exchange_corrupt');
    const salt = Buffer.concat([share, ours]);
    const wrapKey = hkdfSha256(shared, salt, LABEL, 32);
    shared.fill(0);
    const fileKey = openStanzaBody(wrapKey, stanza.body);
    wrapKey.fill(0);
    // Sealed to another recipient: the next stanza may be ours.
    if (fileKey === null) continue;
    if (fileKey.length !== 16) {
      fileKey.fill(0);
      continue;
    }
    try {
      checkHeaderMac(parsed, fileKey);
    } catch (error) {
      fileKey.fill(0);
      throw error;
    }
    return fileKey;
  }
  throw new AppFailure('exchange_wrong_key');
}
