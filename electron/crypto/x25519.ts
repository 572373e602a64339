import { randomBytes } from 'node:crypto';
import { sodium } from '../native/native-modules';
import { bufferView } from './buffer-view';

/*
 * X25519 from libsodium. Not node:crypto: Electron runs Node's crypto tests with X25519 key
 * generation left out for BoringSSL (its patch fix_crypto_tests_to_run_with_bssl; Ed25519 and
 * scrypt stay in), and libsodium is here already for ChaCha20-Poly1305 (chacha20-poly1305.ts).
 * Keys are raw 32-byte strings, as age writes them.
 */

export function x25519PublicKey(secret: Uint8Array): Buffer {
  const publicKey = Buffer.alloc(32);
  sodium().crypto_scalarmult_base(publicKey, bufferView(secret));
  return publicKey;
}

/** The shared secret, or null for a low-order public key (an all-zero result). */
export function x25519Shared(secret: Uint8Array, publicKey: Uint8Array): Buffer | null {
  const shared = Buffer.alloc(32);
  try {
    sodium().crypto_scalarmult(shared, bufferView(secret), bufferView(publicKey));
  } catch {
    return null;
  }
  return shared.every((byte) => byte === 0) ? null : shared;
}

/** A fresh key pair (an age ephemeral share). */
export function x25519KeyPair(): { secret: Buffer; publicKey: Buffer } {
  const secret = randomBytes(32);
  return { secret, publicKey: x25519PublicKey(secret) };
}
