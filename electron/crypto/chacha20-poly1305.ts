import { createRequire } from 'node:module';
import { sodium } from '../native/native-modules';
import { bufferView as view } from './buffer-view';

/*
 * ChaCha20-Poly1305 (RFC 8439: 32-byte key, 12-byte nonce, 16-byte tag), from libsodium.
 *
 * Not from node:crypto: Electron builds its Node on BoringSSL, whose createCipheriv knows no
 * 'chacha20-poly1305' (electron/electron#24024; its cipher list is AES, DES, Blowfish, RC2, RC4).
 * Code using it passes every test under Node, which has OpenSSL, and fails in the app. libsodium
 * (sodium-native: an N-API addon with prebuilt binaries for every desktop platform) runs the same
 * in both, about as fast as OpenSSL here, and writes into buffers we give it.
 */

export const TAG_LENGTH = 16;

/** The ciphertext followed by its tag. */
export function chachaSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array | null = null,
): Buffer {
  const sealed = Buffer.alloc(plaintext.length + TAG_LENGTH);
  const ad = associatedData ? view(associatedData) : null;
  sodium().crypto_aead_chacha20poly1305_ietf_encrypt(
    sealed,
    view(plaintext),
    ad,
    null,
    view(nonce),
    view(key),
  );
  return sealed;
}

/** The plaintext, or null when the key is wrong, the lengths are wrong or anything was altered. */
export function chachaOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  associatedData: Uint8Array | null = null,
): Buffer | null {
  if (sealed.length < TAG_LENGTH) return null;
  const plain = Buffer.alloc(sealed.length - TAG_LENGTH);
  const ad = associatedData ? view(associatedData) : null;
  try {
    sodium().crypto_aead_chacha20poly1305_ietf_decrypt(
      plain,
      null,
      view(sealed),
      ad,
      view(nonce),
      view(key),
    );
    return plain;
  } catch {
    return null;
  }
}

/** The same file in the unpacked copy beside the app's asar archive (asarUnpack). */
export function outsideAsar(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * What worker sources (JavaScript strings run by eval'd threads, which resolve no package) pass
 * to `require` for libsodium: the absolute path of sodium-native, outside the asar archive once
 * packaged (electron-builder.yml unpacks it), as a JavaScript string literal.
 */
export const SODIUM_MODULE_JS = JSON.stringify(
  outsideAsar(createRequire(__filename).resolve('sodium-native')),
);
