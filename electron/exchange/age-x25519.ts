import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { bech32Decode } from './bech32';
import { checkHeaderMac, decodeCanonical, openStanzaBody, parseAgeHeader } from './age-stanzas';

/** PKCS#8 for an X25519 private key, before its 32 bytes (RFC 8410). */
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const LABEL = 'age-encryption.org/v1/X25519';

/** X25519; a low-order share (an all-zero secret, which OpenSSL refuses too) is damage. */
function sharedSecret(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    throw new AppFailure('exchange_corrupt');
  }
  if (shared.every((byte) => byte === 0)) throw new AppFailure('exchange_corrupt');
  return shared;
}

/**
 * Unwrap the file key of an age header with an X25519 identity (`AGE-SECRET-KEY-1…`), with
 * Node's native X25519: typage's is pure JavaScript, ~17 ms the first time in a process, on the
 * main thread, before an import's threads can start. Stanzas of other types are skipped, as age
 * does; a malformed X25519 stanza, a low-order share or a wrong MAC is damage.
 */
export function unwrapX25519Header(header: Buffer, identity: string): Uint8Array {
  const parsed = parseAgeHeader(header);
  const { stanzas } = parsed;
  // age forbids a passphrase stanza beside any other.
  if (stanzas.some((s) => s.type === 'scrypt') && stanzas.length > 1) {
    throw new AppFailure('exchange_corrupt');
  }
  const { prefix, bytes: scalar } = bech32Decode(identity);
  if (prefix !== 'age-secret-key-' || scalar.length !== 32) throw new Error('not an identity');
  const der = Buffer.concat([PKCS8_X25519, scalar]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  const ours = Buffer.from(
    createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '',
    'base64url',
  );
  for (const stanza of stanzas) {
    if (stanza.type !== 'X25519') continue;
    const share = decodeCanonical(stanza.args[0] ?? '');
    if (stanza.args.length !== 1 || share.length !== 32 || stanza.body.length !== 32) {
      throw new AppFailure('exchange_corrupt');
    }
    const theirs = createPublicKey({
      key: { kty: 'OKP', crv: 'X25519', x: share.toString('base64url') },
      format: 'jwk',
    });
    const shared = sharedSecret(privateKey, theirs);
    const salt = Buffer.concat([share, ours]);
    const wrapKey = Buffer.from(hkdfSync('sha256', shared, salt, LABEL, 32));
    shared.fill(0);
    const fileKey = openStanzaBody(wrapKey, stanza.body);
    wrapKey.fill(0);
    // Sealed to another recipient: the next stanza may be ours.
    if (fileKey === null || fileKey.length !== 16) continue;
    checkHeaderMac(parsed, fileKey);
    return fileKey;
  }
  throw new AppFailure('exchange_wrong_key');
}
