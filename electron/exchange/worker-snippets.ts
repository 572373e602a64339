import { SODIUM_MODULE_JS } from '../crypto/chacha20-poly1305';
import { DISCARDER_JS } from '../files/discarder-source';

/**
 * JavaScript shared by the exchange's worker sources (strings evaluated with
 * `new Worker(source, { eval: true })`; see encrypt-worker-source.ts for why strings). The
 * age and check snippets expect `sodium` in scope (SODIUM_JS).
 */

/**
 * libsodium, for ChaCha20-Poly1305: node:crypto has none in Electron (see
 * electron/crypto/chacha20-poly1305.ts). Required by absolute path: an eval'd thread resolves
 * no package.
 */
export const SODIUM_JS = String.raw`
const sodium = require(${SODIUM_MODULE_JS});
`;

/**
 * How the threads of one job pass bytes without allocating: a single-producer, single-consumer
 * ring of fixed slots in a SharedArrayBuffer (16 + slots × (8 + slotSize) bytes). The producer
 * blocks in Atomics.wait while the ring is full, the consumer while it is empty, so memory is
 * bounded by the ring whatever the file size. Control cells: written, read, stop, ended.
 * `flowOf` is the same idea for messages to the main thread, which cannot block: bytes in
 * flight, reserved by the worker and released by the main thread.
 */
export const RING_JS = String.raw`
class Stopped extends Error {}
function ringOf(shared, slots, slotSize) {
  const control = new Int32Array(shared, 0, 4);
  const meta = new Int32Array(shared, 16, slots * 2);
  const data = Buffer.from(shared, 16 + slots * 8, slots * slotSize);
  const stopped = () => Atomics.load(control, 2) === 1;
  // The consumer's next slot: it may hold several taken slots before it releases them.
  let cursor = 0;
  return {
    stopped,
    /** The next free slot, whole (blocks while the ring is full): fill it, then commit(). */
    claim() {
      for (;;) {
        if (stopped()) throw new Stopped('stopped');
        const read = Atomics.load(control, 1);
        if (Atomics.load(control, 0) - read < slots) break;
        Atomics.wait(control, 1, read, 50);
      }
      const slot = Atomics.load(control, 0) % slots;
      return data.subarray(slot * slotSize, (slot + 1) * slotSize);
    },
    /** Hand over the claimed slot's first length bytes, with flags. */
    commit(length, flags) {
      const written = Atomics.load(control, 0);
      const slot = written % slots;
      meta[slot * 2] = length;
      meta[slot * 2 + 1] = flags;
      Atomics.store(control, 0, written + 1);
      Atomics.notify(control, 0);
    },
    end() {
      Atomics.store(control, 3, 1);
      Atomics.notify(control, 0);
    },
    /**
     * The next slot as views ({ bytes, flags, slot }), valid until released; null once ended.
     * slot is the whole slot, bytes its first length bytes: the consumer may write past them
     * (seal in place), and a producer may leave a trailer there.
     * Slots are released oldest first, one per release().
     */
    take() {
      for (;;) {
        if (stopped()) throw new Stopped('stopped');
        const written = Atomics.load(control, 0);
        if (written > cursor) {
          const slot = cursor % slots;
          cursor += 1;
          const start = slot * slotSize;
          return {
            bytes: data.subarray(start, start + meta[slot * 2]),
            flags: meta[slot * 2 + 1],
            slot: data.subarray(start, start + slotSize),
          };
        }
        if (Atomics.load(control, 3) === 1 && Atomics.load(control, 0) === cursor) return null;
        Atomics.wait(control, 0, written, 50);
      }
    },
    release() {
      Atomics.add(control, 1, 1);
      Atomics.notify(control, 1);
    },
  };
}
function flowOf(shared) {
  const cells = new Int32Array(shared);
  return {
    stopped: () => Atomics.load(cells, 1) === 1,
    reserve(bytes, limit) {
      for (;;) {
        if (Atomics.load(cells, 1) === 1) throw new Stopped('stopped');
        const inFlight = Atomics.load(cells, 0);
        if (inFlight <= limit) break;
        Atomics.wait(cells, 0, inFlight, 50);
      }
      Atomics.add(cells, 0, bytes);
    },
  };
}
const SEALED_FLAG = 1;
const LAST_FLAG = 2;
const asBuffer = (view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
${DISCARDER_JS}
/** The consumer's side of a flow (as worker-group.ts releaseFlow). */
function releaseFlow(shared, bytes) {
  const cells = new Int32Array(shared);
  Atomics.sub(cells, 0, bytes);
  Atomics.notify(cells, 0);
}
`;

/**
 * The age payload (age-encryption.org/v1 STREAM): ChaCha20-Poly1305 over 64 KiB chunks, the
 * nonce an 11-byte big-endian chunk counter and a last-chunk flag.
 */
export const AGE_STREAM_JS = String.raw`
const AGE_CHUNK = 64 * 1024;
const AGE_SEALED = AGE_CHUNK + 16;
function ageNonce(counter, last) {
  const iv = Buffer.alloc(12);
  let rest = counter;
  for (let i = 10; i >= 0 && rest > 0; i--) {
    iv[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  if (last) iv[11] = 1;
  return iv;
}
/**
 * Seal in place: the plaintext at slot[0, length) becomes the sealed chunk (body, then tag) at
 * slot[0, length + 16), so the slot needs 16 bytes of room. Returns the sealed length.
 */
function ageSealInPlace(key, counter, slot, length, last) {
  const sealed = slot.subarray(0, length + 16);
  const nonce = ageNonce(counter, last);
  sodium.crypto_aead_chacha20poly1305_ietf_encrypt(sealed, slot.subarray(0, length), null, null, nonce, key);
  return sealed.length;
}
/** The plaintext (a buffer that owns its memory), or null when the chunk does not authenticate. */
function ageOpen(key, counter, sealed, last) {
  if (sealed.length < 16) return null;
  const plain = Buffer.allocUnsafeSlow(sealed.length - 16);
  try {
    sodium.crypto_aead_chacha20poly1305_ietf_decrypt(plain, null, sealed, null, ageNonce(counter, last), key);
    return plain;
  } catch {
    return null;
  }
}
`;

/**
 * The export's read-back check (read-back.ts): whether a sealed age chunk authenticates under
 * the payload key, without decrypting it (the keystream would cost twice as much as the check).
 * ChaCha20-Poly1305's tag (RFC 8439, section 2.8) is Poly1305, keyed by the first 32 bytes of
 * ChaCha20 block 0 for the chunk's nonce, over the ciphertext, zeros to a multiple of 16 bytes,
 * then the lengths of the additional data (none) and of the ciphertext as 64-bit little-endian.
 * Expects `sodium` and AGE_STREAM_JS in scope.
 */
export const AGE_AUTHENTIC_JS = String.raw`
const POLY_KEY = Buffer.alloc(32);
const POLY_STATE = Buffer.alloc(sodium.crypto_onetimeauth_STATEBYTES);
const POLY_PAD = Buffer.alloc(16);
const POLY_LENGTHS = Buffer.alloc(16);
const POLY_TAG = Buffer.alloc(16);
function ageAuthentic(key, counter, sealed, last) {
  if (sealed.length < 16) return false;
  const body = sealed.subarray(0, sealed.length - 16);
  sodium.crypto_stream_chacha20_ietf(POLY_KEY, ageNonce(counter, last), key);
  sodium.crypto_onetimeauth_init(POLY_STATE, POLY_KEY);
  sodium.crypto_onetimeauth_update(POLY_STATE, body);
  const pad = (16 - (body.length % 16)) % 16;
  if (pad > 0) sodium.crypto_onetimeauth_update(POLY_STATE, POLY_PAD.subarray(0, pad));
  POLY_LENGTHS.fill(0);
  POLY_LENGTHS.writeUIntLE(body.length, 8, 6);
  sodium.crypto_onetimeauth_update(POLY_STATE, POLY_LENGTHS);
  sodium.crypto_onetimeauth_final(POLY_STATE, POLY_TAG);
  POLY_KEY.fill(0);
  return sodium.sodium_memcmp(POLY_TAG, sealed.subarray(sealed.length - 16));
}
`;
