import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { ageRecipientOf, generateAgeIdentity } from '../../electron/exchange/age-identity';
import { bech32Decode, bech32Encode } from '../../electron/exchange/bech32';
import { tempDir } from './support/temp-dir';

const age = (args: string[], input?: Buffer) =>
  execFileSync('age', args, input === undefined ? {} : { input });

describe('age keys made with our own X25519 and bech32', () => {
  it('are keys the age CLI reads: age-keygen -y gives our recipient, age -r/-d round-trips', async () => {
    const folder = await tempDir();
    for (let i = 0; i < 5; i++) {
      const { identity, recipient } = generateAgeIdentity();
      expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
      expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
      const identityFile = join(folder, `key-${i}.txt`);
      await writeFile(identityFile, `${identity}\n`);
      expect(execFileSync('age-keygen', ['-y', identityFile]).toString().trim()).toBe(recipient);
      const plain = randomBytes(1000);
      const sealed = age(['-r', recipient], plain);
      expect(age(['-d', '-i', identityFile], sealed).equals(plain)).toBe(true);
    }
  });

  it('derive the recipient age-keygen and typage derive from their identities', async () => {
    const folder = await tempDir();
    const keyFile = join(folder, 'keygen.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
    const identity = (await readFile(keyFile, 'utf8'))
      .split('\n')
      .find((line) => line.startsWith('AGE-SECRET-KEY-1'))!;
    expect(ageRecipientOf(identity)).toBe(
      execFileSync('age-keygen', ['-y', keyFile]).toString().trim(),
    );
    const ours = generateAgeIdentity();
    expect(await identityToRecipient(ours.identity)).toBe(ours.recipient);
  });

  it('refuses to derive a recipient from anything but an identity', () => {
    const { recipient } = generateAgeIdentity();
    expect(() => ageRecipientOf(recipient)).toThrow('not an age identity');
  });
});

describe('bech32', () => {
  it('decodes what it encodes, for any bytes (seeded; a failure prints its input)', () => {
    const seed = randomBytes(4).readUInt32BE(0);
    let state = seed;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    for (let run = 0; run < 500; run++) {
      const bytes = Buffer.alloc(next() % 64);
      for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
      const text = bech32Encode('age', bytes);
      const decoded = bech32Decode(text);
      const context = `seed ${seed}, run ${run}, bytes ${bytes.toString('hex')}`;
      expect(decoded.prefix, context).toBe('age');
      expect(Buffer.from(decoded.bytes).toString('hex'), context).toBe(bytes.toString('hex'));
      expect(bech32Decode(text.toUpperCase()).prefix, context).toBe('age');
    }
  });

  it('matches BIP 173 test vectors', () => {
    expect(bech32Encode('a', new Uint8Array())).toBe('a12uel5l');
    // Its data part spells the alphabet in order: the words 0 to 31, 20 bytes.
    const alphabet = Buffer.from('00443214c74254b635cf84653a56d7c675be77df', 'hex');
    expect(bech32Encode('abcdef', alphabet)).toBe('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw');
  });
});

describe('age-encryption', () => {
  it('is a development dependency only, imported by nothing the app ships', async () => {
    const { readdir } = await import('node:fs/promises');
    const root = join(__dirname, '../..');
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('age-encryption');
    const shipped = ['electron', 'shared', 'renderer'];
    for (const folder of shipped) {
      const files = await readdir(join(root, folder), { recursive: true });
      for (const file of files.filter((name) => /\.tsx?$/.test(name))) {
        const text = await readFile(join(root, folder, file), 'utf8');
        expect(text, `${folder}/${file}`).not.toMatch(/from ['"]age-encryption['"]/);
      }
    }
  });
});
