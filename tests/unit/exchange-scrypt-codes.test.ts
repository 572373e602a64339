import { execFileSync } from 'node:child_process';
import { createHmac, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chachaSeal } from '../../electron/crypto/chacha20-poly1305';
import { SCRYPT_LOG_N } from '../../electron/exchange/age-header';
import { openHeader } from '../../electron/exchange/age-reader';
import { checksum } from './support/db-checksum';
import { codeOf, startOffice } from './support/exchange-core';
import { tempDir } from './support/temp-dir';

const PASSPHRASE = 'garzas blancas sobre el Usumacinta al amanecer';
const PLAIN = Buffer.from('contenido de prueba\n');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
const hkdf = (key: Uint8Array, salt: Uint8Array, label: string) =>
  Buffer.from(hkdfSync('sha256', key, salt, label, 32));

/** A body wrapped at 64 columns, as age writes it. */
function bodyLines(bytes: Uint8Array): string[] {
  const text = b64(bytes);
  const lines: string[] = [];
  for (let i = 0; i <= text.length; i += 64) lines.push(text.slice(i, i + 64));
  return lines;
}

/**
 * A complete age file under a passphrase, built here with Node's crypto (not the app's writer):
 * one scrypt stanza per `workFactors` entry, all wrapping the same file key, a correct MAC and
 * a one-chunk payload. `spelled` writes a work factor as given (e.g. "018") while the key is
 * derived at its number.
 */
function passphraseFile(workFactors: (number | { spelled: string; logN: number })[]): Buffer {
  const fileKey = randomBytes(16);
  const stanzas = workFactors.map((work) => {
    const logN = typeof work === 'number' ? work : work.logN;
    const salt = randomBytes(16);
    const label = Buffer.concat([Buffer.from('age-encryption.org/v1/scrypt'), salt]);
    const wrap = scryptSync(PASSPHRASE, label, 32, { N: 2 ** logN, r: 8, p: 1, maxmem: 2 ** 30 });
    const sealed = chachaSeal(wrap, Buffer.alloc(12), fileKey);
    const spelled = typeof work === 'number' ? String(work) : work.spelled;
    return [`-> scrypt ${b64(salt)} ${spelled}`, ...bodyLines(sealed)].join('\n');
  });
  const withoutMac = `age-encryption.org/v1\n${stanzas.join('\n')}\n---`;
  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(withoutMac)
    .digest();
  const nonce = randomBytes(16);
  const lastChunkNonce = Buffer.alloc(12);
  lastChunkNonce[11] = 1;
  const payload = chachaSeal(hkdf(fileKey, nonce, 'payload'), lastChunkNonce, PLAIN);
  return Buffer.concat([Buffer.from(`${withoutMac} ${b64(mac)}\n`), nonce, payload]);
}

/** What the age CLI makes of the file (it reads passphrases only from a terminal). */
function ageCliDecrypts(path: string): boolean {
  try {
    execFileSync('sh', [
      '-c',
      `(sleep 1; printf '%s\\n' '${PASSPHRASE}') | script -qec "age -d -o ${path}.out ${path}" /dev/null`,
    ]);
    return true;
  } catch {
    return false;
  }
}

async function headerCode(file: Buffer): Promise<string> {
  try {
    return (await openHeader(file, { passphrase: PASSPHRASE })) ? 'opened' : 'more bytes';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('passphrase files refused with a code that says what is wrong', () => {
  it(`work factor ${SCRYPT_LOG_N + 1} (over our limit of ${SCRYPT_LOG_N}), well formed: work_too_high`, async () => {
    expect(SCRYPT_LOG_N).toBe(18);
    const folder = await tempDir();
    const over = passphraseFile([19]);
    await writeFile(`${folder}/over.age`, over);
    // Well formed: the age CLI opens it, to the very plaintext.
    expect(ageCliDecrypts(`${folder}/over.age`)).toBe(true);
    expect((await readFile(`${folder}/over.age.out`)).equals(PLAIN)).toBe(true);
    expect(await headerCode(over)).toBe('exchange_scrypt_work_too_high');
    // The control: at our own limit, the same construction opens.
    expect(await headerCode(passphraseFile([18]))).toBe('opened');
  });

  it('work factor spelled "018", "0x12" or "+18": work_malformed', async () => {
    for (const spelled of ['018', '0x12', '+18', '18a']) {
      const file = passphraseFile([{ spelled, logN: 10 }]);
      expect(await headerCode(file), spelled).toBe('exchange_scrypt_work_malformed');
    }
    expect(await headerCode(passphraseFile([{ spelled: '10', logN: 10 }]))).toBe('opened');
  });

  it('two scrypt stanzas (one beside X25519: age-header-read.test.ts): not_alone', async () => {
    expect(await headerCode(passphraseFile([10, 10]))).toBe('exchange_scrypt_not_alone');
    expect(await headerCode(passphraseFile([10]))).toBe('opened');
  });

  it('each, imported with the passphrase, is refused with its code and changes no table', async () => {
    const office = await startOffice('Oficina Comitán');
    const folder = await tempDir();
    const cases: [string, Buffer, string][] = [
      ['work factor 19', passphraseFile([19]), 'exchange_scrypt_work_too_high'],
      [
        'work factor "018"',
        passphraseFile([{ spelled: '018', logN: 10 }]),
        'exchange_scrypt_work_malformed',
      ],
      ['two scrypt stanzas', passphraseFile([10, 10]), 'exchange_scrypt_not_alone'],
    ];
    const before = await checksum(office);
    for (const [label, file, code] of cases) {
      const path = `${folder}/${label.replace(/\W+/g, '-')}.age`;
      await writeFile(path, file);
      office.choose.file = path;
      expect(await codeOf(office.op('exchange.preview', { passphrase: PASSPHRASE })), label).toBe(
        code,
      );
    }
    expect(await checksum(office)).toBe(before);
  });
});
