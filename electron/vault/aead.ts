import { randomBytes } from 'node:crypto';
import { chachaOpen, chachaSeal, TAG_LENGTH } from '../crypto/chacha20-poly1305';

/** ChaCha20-Poly1305 (libsodium): each wrapping key is fresh, so a random nonce is safe. */
const NONCE_LENGTH = 12;

export interface Sealed {
  nonce: Buffer;
  ciphertext: Buffer;
}

export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Sealed {
  const nonce = randomBytes(NONCE_LENGTH);
  return { nonce, ciphertext: chachaSeal(key, nonce, plaintext, associatedData) };
}

/** Returns null when the key is wrong or anything was altered. */
export function open(key: Uint8Array, sealed: Sealed, associatedData: Uint8Array): Buffer | null {
  if (sealed.nonce.length !== NONCE_LENGTH || sealed.ciphertext.length < TAG_LENGTH) return null;
  return chachaOpen(key, sealed.nonce, sealed.ciphertext, associatedData);
}
