import { execFileSync } from 'node:child_process';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { buildHeader } from '../../electron/exchange/age-header';
import { type AgeKey, openHeader } from '../../electron/exchange/age-reader';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { decryptAge } from './support/age-decrypt';
import { tempDir } from './support/temp-dir';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

/** A header with these stanza lines and a correct MAC for `fileKey`, plus a payload nonce. */
function headerOf(stanzaLines: string[], fileKey: Uint8Array): Buffer {
  const withoutMac = `age-encryption.org/v1\n${stanzaLines.map((l) => `${l}\n`).join('')}---`;
  const macKey = hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32);
  const mac = createHmac('sha256', Buffer.from(macKey)).update(withoutMac).digest();
  return Buffer.concat([Buffer.from(`${withoutMac} ${b64(mac)}\n`), randomBytes(16)]);
}

/** Our own header for `recipient`, as stanza lines and its file key. */
async function ourStanza(recipient: string) {
  const { header, fileKey } = await buildHeader({ recipients: [recipient] });
  const lines = header.toString('latin1').split('\n');
  return { lines: lines.slice(1, -2), fileKey };
}

async function* only(bytes: Buffer) {
  yield bytes;
}

async function codeOf(head: Buffer, key: AgeKey): Promise<unknown> {
  try {
    await openHeader(head, key);
    return 'opened';
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
}

describe('reading age headers natively', () => {
  it('opens what the age CLI and typage write, ours among other recipients', async () => {
    const ours = await generateOfficeKeys();
    const other = await generateOfficeKeys();
    const folder = await tempDir();
    const plain = randomBytes(200_000);
    await import('node:fs/promises').then((fs) => fs.writeFile(`${folder}/plain`, plain));
    execFileSync('age', [
      ...['-r', other.ageRecipient, '-r', ours.ageRecipient],
      ...['-o', `${folder}/cli.age`, `${folder}/plain`],
    ]);
    const encrypter = new Encrypter();
    encrypter.addRecipient(ours.ageRecipient);
    const typage = Buffer.from(await encrypter.encrypt(plain));
    for (const file of [await readFile(`${folder}/cli.age`), typage]) {
      const chunks: Buffer[] = [];
      for await (const chunk of decryptAge(only(file), { identity: ours.ageIdentity })) {
        chunks.push(chunk);
      }
      expect(Buffer.concat(chunks).equals(plain)).toBe(true);
    }
  });

  it('skips stanzas of other kinds, as age does', async () => {
    const keys = await generateOfficeKeys();
    const { lines, fileKey } = await ourStanza(keys.ageRecipient);
    const grease = ['-> x-grease a+b c', b64(randomBytes(60)).slice(0, 64), b64(randomBytes(10))];
    const head = headerOf([...grease, ...lines], fileKey);
    expect(await codeOf(head, { identity: keys.ageIdentity })).toBe('opened');
  });

  it('refuses what the format does not allow, each as damage or as not for us', async () => {
    const keys = await generateOfficeKeys();
    const other = await generateOfficeKeys();
    const { lines, fileKey } = await ourStanza(keys.ageRecipient);
    const [stanzaLine, body] = lines as [string, string];
    const share = stanzaLine.split(' ')[2]!;
    // The last character with one of its unused bits set: decodes to the same 32 bytes, but is
    // not the canonical spelling.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const nonCanonical = body.slice(0, -1) + alphabet[alphabet.indexOf(body.at(-1)!) ^ 1]!;
    const theirs = await ourStanza(other.ageRecipient);
    const cases: [string, Buffer, string][] = [
      [
        'a body line past 64 columns',
        headerOf([stanzaLine, `${body}${'A'.repeat(30)}`], fileKey),
        'exchange_corrupt',
      ],
      ['non-canonical base64', headerOf([stanzaLine, nonCanonical], fileKey), 'exchange_corrupt'],
      ['an empty argument', headerOf([`-> X25519  ${share}`, body], fileKey), 'exchange_corrupt'],
      ['a control character', headerOf([`-> X25519\t${share}`, body], fileKey), 'exchange_corrupt'],
      ['an extra argument', headerOf([`${stanzaLine} more`, body], fileKey), 'exchange_corrupt'],
      [
        'a low-order share',
        headerOf([`-> X25519 ${b64(Buffer.alloc(32))}`, body], fileKey),
        'exchange_corrupt',
      ],
      [
        'a passphrase stanza beside ours',
        headerOf([...lines, `-> scrypt ${b64(randomBytes(16))} 10`, body], fileKey),
        'exchange_scrypt_not_alone',
      ],
      ['no stanza at all', headerOf([], fileKey), 'exchange_corrupt'],
      ['a MAC made with another key', headerOf(lines, randomBytes(16)), 'exchange_corrupt'],
      [
        'sealed to another office only',
        headerOf(theirs.lines, theirs.fileKey),
        'exchange_wrong_key',
      ],
    ];
    // The control: the same parts, well formed, open.
    expect(await codeOf(headerOf(lines, fileKey), { identity: keys.ageIdentity })).toBe('opened');
    expect(nonCanonical).not.toBe(body);
    for (const [label, head, code] of cases) {
      expect(await codeOf(head, { identity: keys.ageIdentity }), label).toBe(code);
    }
  });
});
