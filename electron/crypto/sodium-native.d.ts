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
  }
  const sodium: Sodium;
  export default sodium;
}
