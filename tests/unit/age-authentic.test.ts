import { createCipheriv, randomBytes } from 'node:crypto';
import sodium from 'sodium-native';
import { describe, expect, it } from 'vitest';
import { AGE_AUTHENTIC_JS, AGE_STREAM_JS } from '../../electron/exchange/worker-snippets';

type Authentic = (key: Buffer, counter: number, sealed: Buffer, last: boolean) => boolean;

/** The check, as the read-back threads evaluate it. */
const ageAuthentic = new Function(
  'sodium',
  `${AGE_STREAM_JS}\n${AGE_AUTHENTIC_JS}\nreturn ageAuthentic;`,
)(sodium) as Authentic;

/** An age chunk sealed by OpenSSL (Node's own ChaCha20-Poly1305), not by the code under test. */
function opensslChunk(key: Buffer, counter: number, plain: Buffer, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  if (last) nonce[11] = 1;
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

describe("the read-back's check of a sealed age chunk, without decrypting it", () => {
  it('accepts every chunk as sealed, at its place, whatever its length', () => {
    const key = randomBytes(32);
    for (const length of [0, 1, 15, 16, 17, 1000, 64 * 1024 - 1, 64 * 1024]) {
      const sealed = opensslChunk(key, 41, randomBytes(length), length < 64 * 1024);
      expect(ageAuthentic(key, 41, sealed, length < 64 * 1024)).toBe(true);
    }
    const large = opensslChunk(key, 2 ** 40 + 3, randomBytes(100), false);
    expect(ageAuthentic(key, 2 ** 40 + 3, large, false)).toBe(true);
  });

  it('refuses any flipped bit, another place, the last flag changed, another key, a short chunk', () => {
    const key = randomBytes(32);
    const sealed = opensslChunk(key, 7, randomBytes(3000), false);
    for (let byte = 0; byte < sealed.length; byte += 97) {
      for (const bit of [0x01, 0x80]) {
        const altered = Buffer.from(sealed);
        altered[byte]! ^= bit;
        expect(ageAuthentic(key, 7, altered, false)).toBe(false);
      }
    }
    expect(ageAuthentic(key, 8, sealed, false)).toBe(false);
    expect(ageAuthentic(key, 7, sealed, true)).toBe(false);
    expect(ageAuthentic(randomBytes(32), 7, sealed, false)).toBe(false);
    expect(ageAuthentic(key, 7, sealed.subarray(0, sealed.length - 1), false)).toBe(false);
    expect(ageAuthentic(key, 7, sealed.subarray(0, 15), false)).toBe(false);
    expect(ageAuthentic(key, 7, sealed, false)).toBe(true);
  });
});
