/** The same bytes as a Buffer, without a copy (libsodium's binding takes Buffers). */
export const bufferView = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
