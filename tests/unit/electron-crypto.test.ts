import { createCipheriv, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chachaOpen, chachaSeal } from '../../electron/crypto/chacha20-poly1305';

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
});
