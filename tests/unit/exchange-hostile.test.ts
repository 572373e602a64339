import { randomBytes, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signBytes } from '../../electron/office/office-keys';
import { codeOf, partneredOffices, startOffice } from './support/exchange-core';
import { encryptTo, innerArchive, memorySource, sampleRecords } from './support/exchange-files';
import { checksum } from './support/db-checksum';
import { marker, tar } from './support/forged-tar';
import { tempDir } from './support/temp-dir';

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('hostile import files', () => {
  it('refuses each with a clear code and leaves the database unchanged', async () => {
    const { a, b, cardB } = await partneredOffices();
    await a.op('cases.create', {
      title: 'Caso de prueba',
      status: 'open',
      urgency: 'high',
      rightsAtStake: [],
      tags: [],
      confidentiality: 'internal',
      aggressions: [],
      sources: [],
    });
    const folder = await tempDir();
    a.choose.folder = folder;
    await a.op('exchange.export', {
      jobId: randomUUID(),
      scope: { all: true },
      to: { partners: [cardB.fingerprint] },
    });
    const [name] = await readdir(folder);
    const valid = await readFile(`${folder}/${name}`);
    const header = valid.indexOf('\n--- ') + 5;

    const { tar: inner } = await innerArchive(memorySource(sampleRecords, [Buffer.from('prueba')]));
    const recordsAt = inner.indexOf('Llamar el lunes');
    const sigAt = inner.lastIndexOf(Buffer.from('manifest.sig')) + 512;
    const other = await startOffice('Oficina Quetzaltenango');
    const otherCard = await other.op('office.card', {});
    execFileSync('sh', ['-c', `echo hola | age -r ${cardB.ageRecipient} -o ${folder}/plain.age`]);

    const cases: [string, () => Promise<Buffer | string>, string][] = [
      [
        'truncated',
        async () => valid.subarray(0, Math.floor(valid.length / 2)),
        'exchange_corrupt',
      ],
      [
        'cut at a chunk boundary',
        async () => valid.subarray(0, valid.length - 40),
        'exchange_corrupt',
      ],
      [
        'a byte flipped in the ciphertext',
        async () => flip(valid, valid.length - 100),
        'exchange_corrupt',
      ],
      ['a byte flipped in the header', async () => flip(valid, header + 3), 'exchange_corrupt'],
      [
        'a byte flipped in the inner archive',
        async () => encryptTo(cardB.ageRecipient, flip(inner, recordsAt), folder),
        'exchange_corrupt',
      ],
      [
        'encrypted to another office',
        async () => encryptTo(otherCard.ageRecipient, inner, folder),
        'exchange_wrong_key',
      ],
      ['a valid age file that is not ours', async () => `${folder}/plain.age`, 'exchange_not_ours'],
      [
        'not an age file',
        async () => Buffer.from('PK\u0003\u0004 not age at all'),
        'exchange_not_ours',
      ],
      [
        'a ../ name',
        async () =>
          encryptTo(
            cardB.ageRecipient,
            tar([
              ['format.json', marker(1)],
              ['../../evil', Buffer.from('x')],
            ]),
            folder,
          ),
        'exchange_unsafe_path',
      ],
      [
        'an absolute name',
        async () =>
          encryptTo(
            cardB.ageRecipient,
            tar([
              ['format.json', marker(1)],
              ['/etc/passwd', Buffer.from('x')],
            ]),
            folder,
          ),
        'exchange_unsafe_path',
      ],
      [
        'a bad signature',
        async () => encryptTo(cardB.ageRecipient, flip(inner, sigAt + 5), folder),
        'exchange_bad_signature',
      ],
      [
        'a future format version',
        async () => encryptTo(cardB.ageRecipient, tar([['format.json', marker(4)]]), folder),
        'exchange_version_unsupported',
      ],
      [
        'an oversized entry',
        async () =>
          encryptTo(
            cardB.ageRecipient,
            tar([
              ['format.json', marker(1)],
              ['records-0001.jsonl', Buffer.alloc(0), 9 * 1024 * 1024],
            ]),
            folder,
          ),
        'exchange_too_large',
      ],
      [
        'a missing manifest',
        async () => encryptTo(cardB.ageRecipient, tar([['format.json', marker(1)]]), folder),
        'exchange_corrupt',
      ],
    ];

    const before = await checksum(b);
    for (const [label, make, code] of cases) {
      const made = await make();
      const path = typeof made === 'string' ? made : `${folder}/hostile-${randomUUID()}.age`;
      if (typeof made !== 'string') await writeFile(path, made);
      b.choose.file = path;
      expect(await codeOf(b.op('exchange.preview', {})), label).toBe(code);
    }
    expect(await checksum(b)).toBe(before);
    // The control: the untouched file is accepted.
    b.choose.file = `${folder}/${name}`;
    expect((await b.op('exchange.preview', {}))?.counts.new).toBeGreaterThan(0);
  });

  it('refuses a byte flipped in a chunk anywhere in a file of many chunks', async () => {
    const { b, cardB } = await partneredOffices();
    const folder = await tempDir();
    const evidence = randomBytes(640 * 1024);
    const { tar: inner } = await innerArchive(memorySource(sampleRecords, [evidence]));
    const valid = await readFile(await encryptTo(cardB.ageRecipient, inner, folder));
    const payloadStart = valid.indexOf('\n', valid.indexOf('\n--- ') + 1) + 1 + 16;
    const before = await checksum(b);
    // The first, a middle and the last chunk (640 KiB of evidence: 11 chunks of 64 KiB).
    for (const chunk of [0, 7, 10]) {
      const path = `${folder}/flipped-${chunk}.age`;
      await writeFile(path, flip(valid, payloadStart + chunk * (64 * 1024 + 16) + 100));
      b.choose.file = path;
      expect(await codeOf(b.op('exchange.preview', {})), `chunk ${chunk}`).toBe('exchange_corrupt');
    }
    expect(await checksum(b)).toBe(before);
    // The control: the same file untouched is read to the end.
    const control = `${folder}/valid.age`;
    await writeFile(control, valid);
    b.choose.file = control;
    expect((await b.op('exchange.preview', {}))?.counts.new).toBeGreaterThan(0);
  });

  it('refuses a manifest whose hashes do not match, even when signed', async () => {
    const { b, cardB } = await partneredOffices();
    const folder = await tempDir();
    const { manifest, keys } = await innerArchive(memorySource(sampleRecords, []));
    const records = Buffer.from(sampleRecords.map((r) => `${JSON.stringify(r)}\n`).join(''));
    /** The archive with `content` as its manifest, signed by the sender's own key. */
    const signed = (content: object, version = 1) => {
      const manifestBytes = Buffer.from(JSON.stringify(content));
      return tar([
        ['format.json', marker(version)],
        ['records-0001.jsonl', records],
        ['manifest.json', manifestBytes],
        ['manifest.sig', signBytes(keys, manifestBytes)],
      ]);
    };
    const lying = { ...manifest, parts: [{ ...manifest.parts[0]!, sha256: 'f'.repeat(64) }] };
    b.choose.file = await encryptTo(cardB.ageRecipient, signed(lying), folder);
    expect(await codeOf(b.op('exchange.preview', {}))).toBe('exchange_corrupt');
    // Deletion notices belong to version 2: a version-1 manifest carrying them is damaged.
    const notices = {
      ...manifest,
      version: 1,
      deleted: [{ kind: 'cases', id: crypto.randomUUID() }],
    };
    b.choose.file = await encryptTo(cardB.ageRecipient, signed(notices), folder);
    expect(await codeOf(b.op('exchange.preview', {}))).toBe('exchange_corrupt');
    // Evidence is never removed from afar (nor any table that is not a record's): refused.
    for (const kind of ['evidence_items', 'exchange_bases']) {
      const removal = { ...manifest, version: 2, deleted: [{ kind, id: crypto.randomUUID() }] };
      b.choose.file = await encryptTo(cardB.ageRecipient, signed(removal, 2), folder);
      expect(await codeOf(b.op('exchange.preview', {}))).toBe('exchange_corrupt');
    }
    const part = {
      ...manifest,
      version: 2,
      deleted: [{ kind: 'perpetrators', id: crypto.randomUUID() }],
    };
    b.choose.file = await encryptTo(cardB.ageRecipient, signed(part, 2), folder);
    expect((await b.op('exchange.preview', {}))?.removedThere).toBe(0);
    // The control: the same forgery with the true hash is accepted.
    b.choose.file = await encryptTo(cardB.ageRecipient, signed(manifest), folder);
    expect((await b.op('exchange.preview', {}))?.sender.status).toBe('unknown');
  });
});
