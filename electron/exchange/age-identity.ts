import { randomBytes } from 'node:crypto';
import { x25519PublicKey } from '../crypto/x25519';
import { bech32Decode, bech32Encode } from './bech32';

const IDENTITY_PREFIX = 'age-secret-key-';
const RECIPIENT_PREFIX = 'age';

/**
 * A fresh age X25519 identity (`AGE-SECRET-KEY-1…`) and its recipient (`age1…`), as
 * `age-keygen` makes them: 32 random bytes, the public key by libsodium's X25519. Not typage's
 * default hybrid post-quantum identity: Debian's age 1.1.1 cannot read post-quantum recipients.
 */
export function generateAgeIdentity(): { identity: string; recipient: string } {
  const secret = randomBytes(32);
  const identity = bech32Encode(IDENTITY_PREFIX, secret).toUpperCase();
  const recipient = bech32Encode(RECIPIENT_PREFIX, x25519PublicKey(secret));
  secret.fill(0);
  return { identity, recipient };
}

/** The recipient of an identity (`age-keygen -y`). */
export function ageRecipientOf(identity: string): string {
  const { prefix, bytes } = bech32Decode(identity);
  if (prefix !== IDENTITY_PREFIX || bytes.length !== 32) throw new Error('not an age identity');
  const recipient = bech32Encode(RECIPIENT_PREFIX, x25519PublicKey(bytes));
  bytes.fill(0);
  return recipient;
}
