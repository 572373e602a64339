import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** ChaCha20-Poly1305 (native in Node): each wrapping key is fresh, so a random nonce is safe. */
const ALGORITHM = 'chacha20-poly1305';
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;

export interface Sealed {
  nonce: Buffer;
  ciphertext: Buffer;
}

export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Sealed {
  const nonce = randomBytes(NONCE_LENGTH);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(associatedData, { plaintextLength: plaintext.length });
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext: Buffer.concat([body, cipher.getAuthTag()]) };
}

/** Returns null when the key is wrong or anything was altered. */
export function open(key: Uint8Array, sealed: Sealed, associatedData: Uint8Array): Buffer | null {
  if (sealed.nonce.length !== NONCE_LENGTH || sealed.ciphertext.length < TAG_LENGTH) return null;
  const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - TAG_LENGTH);
  const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - TAG_LENGTH);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce, { authTagLength: TAG_LENGTH });
    decipher.setAAD(associatedData, { plaintextLength: body.length });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}
