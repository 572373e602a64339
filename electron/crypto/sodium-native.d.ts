/** The few libsodium functions used here (sodium-native ships no types; @types lacks these). */
declare module 'sodium-native' {
  interface Sodium {
    /** Writes message.length + 16 bytes into ciphertext; returns how many. */
    crypto_aead_chacha20poly1305_ietf_encrypt(
      ciphertext: Buffer,
      message: Buffer,
      additionalData: Buffer | null,
      nsec: null,
      nonce: Buffer,
      key: Buffer,
    ): number;
    /** Throws when the ciphertext does not authenticate. */
    crypto_aead_chacha20poly1305_ietf_decrypt(
      message: Buffer,
      nsec: null,
      ciphertext: Buffer,
      additionalData: Buffer | null,
      nonce: Buffer,
      key: Buffer,
    ): number;
    /** X25519: the public key of a 32-byte secret. */
    crypto_scalarmult_base(publicKey: Buffer, secretKey: Buffer): void;
    /** X25519: the shared secret; throws when it is all zero (a low-order public key). */
    crypto_scalarmult(shared: Buffer, secretKey: Buffer, publicKey: Buffer): void;
  }
  const sodium: Sodium;
  export default sodium;
}
