import { DISCARDER_JS } from '../files/discarder-source';

/**
 * JavaScript shared by the exchange's worker sources (strings evaluated with
 * `new Worker(source, { eval: true })`; see encrypt-worker-source.ts for why strings). The
 * age snippet expects `crypto` in scope.
 */

/**
 * How the threads of one job pass bytes without allocating: a single-producer, single-consumer
 * ring of fixed slots in a SharedArrayBuffer (16 + slots × (12 + slotSize) bytes). The producer
 * blocks in Atomics.wait while the ring is full, the consumer while it is empty, so memory is
 * bounded by the ring whatever the file size. Control cells: written, read, stop, ended.
 * `flowOf` is the same idea for messages to the main thread, which cannot block: bytes in
 * flight, reserved by the worker and released by the main thread.
 */
export const RING_JS = String.raw`
class Stopped extends Error {}
function ringOf(shared, slots, slotSize) {
  const control = new Int32Array(shared, 0, 4);
  const meta = new Int32Array(shared, 16, slots * 3);
  const data = Buffer.from(shared, 16 + slots * 12, slots * slotSize);
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
    /** Hand over the claimed slot's first length bytes, with flags and a CRC-32. */
    commit(length, flags, crc) {
      const written = Atomics.load(control, 0);
      const slot = written % slots;
      meta[slot * 3] = length;
      meta[slot * 3 + 1] = flags;
      meta[slot * 3 + 2] = crc | 0;
      Atomics.store(control, 0, written + 1);
      Atomics.notify(control, 0);
    },
    end() {
      Atomics.store(control, 3, 1);
      Atomics.notify(control, 0);
    },
    /**
     * The next slot as a view ({ bytes, flags, crc }), valid until released; null once ended.
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
            bytes: data.subarray(start, start + meta[slot * 3]),
            flags: meta[slot * 3 + 1],
            crc: meta[slot * 3 + 2] >>> 0,
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
/** A sealed chunk as its two pieces, body and tag (not joined: one copy less per chunk). */
function ageSeal(key, counter, plain, last) {
  const cipher = crypto.createCipheriv('chacha20-poly1305', key, ageNonce(counter, last), {
    authTagLength: 16,
  });
  const body = cipher.update(plain);
  cipher.final();
  return [body, cipher.getAuthTag()];
}
/** The plaintext, or null when the chunk does not authenticate. */
function ageOpen(key, counter, sealed, last) {
  try {
    const decipher = crypto.createDecipheriv('chacha20-poly1305', key, ageNonce(counter, last), {
      authTagLength: 16,
    });
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const plain = decipher.update(sealed.subarray(0, sealed.length - 16));
    decipher.final();
    return plain;
  } catch {
    return null;
  }
}
`;
