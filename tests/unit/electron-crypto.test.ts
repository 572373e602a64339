import {
  createCipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chachaOpen, chachaSeal, outsideAsar } from '../../electron/crypto/chacha20-poly1305';
import { hkdfSha256 } from '../../electron/crypto/hkdf';
import { x25519KeyPair, x25519PublicKey, x25519Shared } from '../../electron/crypto/x25519';

/**
 * The ciphers Electron's BoringSSL gives node:crypto (BoringSSL's get_cipher.cc with Electron's
 * patch feat_expose_several_extra_cipher_functions). Electron cannot run here, so this list is
 * what stands between a test suite that passes under Node's OpenSSL and an app that fails.
 */
const ELECTRON_CIPHERS = new Set([
  ...['128', '192', '256'].flatMap((bits) =>
    ['cbc', 'ctr', 'ecb', 'gcm', 'ofb'].map((mode) => `aes-${bits}-${mode}`),
  ),
  'aes-128-cfb',
  'aes-256-cfb',
  'bf-cbc',
  'bf-cfb',
  'bf-ecb',
  'des-cbc',
  'des-ecb',
  'des-ede',
  'des-ede3',
  'des-ede-cbc',
  'des-ede3-cbc',
  'rc2-cbc',
  'rc2-40-cbc',
  'rc4',
]);

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('crypto that runs in Electron', () => {
  it('names only ciphers that Electron’s node:crypto has, as literals', async () => {
    const used = new Map<string, string>();
    for (const file of await sources(join(__dirname, '..', '..', 'electron'))) {
      const text = await readFile(file, 'utf8');
      for (const call of text.matchAll(/create(?:De)?[cC]ipheriv\(\s*([^,]*),/g)) {
        const literal = /^'([^']+)'$/.exec(call[1]!.trim());
        // A name held in a variable could be anything: say it where it is used.
        expect(literal, `${file}: ${call[0]}`).not.toBeNull();
        used.set(literal![1]!, file);
      }
    }
    expect(used.size).toBeGreaterThan(0);
    for (const [name, file] of used) expect(ELECTRON_CIPHERS, `${name} in ${file}`).toContain(name);
  });

  it('takes X25519 and HKDF from electron/crypto, never from node:crypto', async () => {
    for (const file of await sources(join(__dirname, '..', '..', 'electron'))) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/\b(hkdf|hkdfSync|diffieHellman|createECDH)\s*\(|'x25519'/);
    }
  });

  it('loads libsodium in threads from outside the asar archive once packaged', () => {
    expect(
      outsideAsar('/opt/Resguardo/resources/app.asar/node_modules/sodium-native/index.js'),
    ).toBe('/opt/Resguardo/resources/app.asar.unpacked/node_modules/sodium-native/index.js');
    expect(outsideAsar('C:\\Resguardo\\resources\\app.asar\\node_modules\\x.js')).toBe(
      'C:\\Resguardo\\resources\\app.asar.unpacked\\node_modules\\x.js',
    );
    // Not packaged (development, tests): unchanged, even with a look-alike folder name.
    expect(outsideAsar('/home/a/my.app.asar.d/node_modules/x.js')).toBe(
      '/home/a/my.app.asar.d/node_modules/x.js',
    );
    expect(outsideAsar('/work/node_modules/x.js')).toBe('/work/node_modules/x.js');
  });

  it('seals and opens ChaCha20-Poly1305 exactly as OpenSSL does, so older vaults still open', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const plaintext = randomBytes(1000);
    const aad = Buffer.from('resguardo key slot');
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
    cipher.setAAD(aad, { plaintextLength: plaintext.length });
    const openssl = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    expect(chachaSeal(key, nonce, plaintext, aad)).toEqual(openssl);
    expect(chachaOpen(key, nonce, openssl, aad)).toEqual(plaintext);
    // Anything altered, or the wrong additional data, key or nonce: null, never a throw.
    const flipped = Buffer.from(openssl);
    flipped[500]! ^= 1;
    expect(chachaOpen(key, nonce, flipped, aad)).toBeNull();
    expect(chachaOpen(key, nonce, openssl, Buffer.from('other'))).toBeNull();
    expect(chachaOpen(randomBytes(32), nonce, openssl, aad)).toBeNull();
    expect(chachaOpen(key, randomBytes(12), openssl, aad)).toBeNull();
    expect(chachaOpen(key, nonce, openssl.subarray(0, 15), aad)).toBeNull();
    expect(chachaOpen(key, nonce.subarray(0, 8), openssl, aad)).toBeNull();
  });

  it('derives HKDF-SHA-256 as RFC 5869 and OpenSSL do', () => {
    // RFC 5869, test case 1.
    const ikm = Buffer.alloc(22, 0x0b);
    const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
    const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
    expect(hkdfSha256(ikm, salt, info, 42).toString('hex')).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
    for (const length of [16, 32, 33, 64, 100]) {
      const secret = randomBytes(32);
      for (const salty of [randomBytes(16), Buffer.alloc(0)]) {
        const openssl = Buffer.from(hkdfSync('sha256', secret, salty, 'payload', length));
        expect(hkdfSha256(secret, salty, 'payload', length)).toEqual(openssl);
      }
    }
  });

  it('agrees on X25519 with RFC 7748 and OpenSSL, and refuses a low-order share', () => {
    // RFC 7748, 6.1.
    const alice = Buffer.from(
      '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
      'hex',
    );
    const bobPublic = Buffer.from(
      'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
      'hex',
    );
    expect(x25519PublicKey(alice).toString('hex')).toBe(
      '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    );
    expect(x25519Shared(alice, bobPublic)?.toString('hex')).toBe(
      '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
    );
    const ours = x25519KeyPair();
    const theirs = generateKeyPairSync('x25519');
    const theirPublic = Buffer.from(theirs.publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const openssl = diffieHellman({
      privateKey: theirs.privateKey,
      publicKey: createPublicKey({
        key: { kty: 'OKP', crv: 'X25519', x: ours.publicKey.toString('base64url') },
        format: 'jwk',
      }),
    });
    expect(x25519Shared(ours.secret, theirPublic)).toEqual(openssl);
    expect(x25519Shared(ours.secret, Buffer.alloc(32))).toBeNull();
  });
});
