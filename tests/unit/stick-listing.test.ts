import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_ENTRY_MAX, readEnvelope } from '../../electron/exchange/envelope';
import { describeStickFile } from '../../electron/exchange/stick-files';
import { BLOCK, tarHeader, tarPadding } from '../../electron/exchange/tar-format';
import { parseTarHeader } from '../../electron/exchange/tar-reader';
import { exportToFile } from '../../electron/exchange/export-file';
import { fingerprintOf } from '../../electron/office/office-card';
import { generateOfficeKeys, readOfficeKeys } from '../../electron/office/office-keys';
import { memorySource, sampleRecords, senderFields } from './support/exchange-files';
import { decryptAge } from './support/age-decrypt';
import { caseWithEvidence, exportFile } from './support/exchange-cases';
import { codeOf, partneredOffices, startOffice, type Office } from './support/exchange-core';
import { swapVerifiedCards, withVaultDatabase } from './support/office-harness';
import { tempDir } from './support/temp-dir';

const STICK = { id: 'f'.repeat(16), label: 'USB', size: 1e9, free: 1e9 };

async function moveTo(stick: string, file: string): Promise<string> {
  const name = file.slice(file.lastIndexOf('/') + 1);
  await rename(file, join(stick, name));
  return name;
}

async function passphraseFile(office: Office, caseIds: string[]) {
  const folder = await tempDir();
  office.choose.folder = folder;
  await office.op('exchange.export', {
    jobId: randomUUID(),
    scope: { caseIds },
    to: { passphrase: 'tortuga veleta naranjo cometa 83' },
  });
  return join(folder, (await readdir(folder))[0]!);
}

/** The inner archive of `file`, opened with `office`'s identity. */
async function innerArchive(office: Office, file: string): Promise<Buffer> {
  const keys = (await withVaultDatabase(office, readOfficeKeys))!;
  const chunks: Buffer[] = [];
  for await (const chunk of decryptAge(createReadStream(file), { identity: keys.ageIdentity })) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The archive with its first entry (format.json) replaced by `body`, sealed again to `recipient`. */
async function withFormatEntry(archive: Buffer, body: Buffer, recipient: string) {
  const { size } = parseTarHeader(archive.subarray(0, BLOCK));
  const rest = archive.subarray(BLOCK + size + tarPadding(size).length);
  const plain = Buffer.concat([
    tarHeader('format.json', body.length, new Date()),
    body,
    tarPadding(body.length),
    rest,
  ]);
  const folder = await tempDir();
  await writeFile(join(folder, 'plain.tar'), plain);
  const out = join(folder, `rg-${randomUUID().slice(0, 8)}.age`);
  execFileSync('age', ['-r', recipient, '-o', out, join(folder, 'plain.tar')]);
  return out;
}

describe("a stick's listing", () => {
  it('says who sent each file and when, which are ours, which need a passphrase or are for others', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const c = await startOffice('Oficina San Salvador');
    const { cardB: cardC } = await swapVerifiedCards(a, c);
    const sent = await caseWithEvidence(a, 'Amenazas', 1_000);
    const own = await caseWithEvidence(b, 'Desalojo', 1_000);
    const stick = await tempDir();
    const names = {
      fromA: await moveTo(stick, (await exportFile(a, cardB.fingerprint, [sent.caseId])).file),
      forC: await moveTo(stick, (await exportFile(a, cardC.fingerprint, [sent.caseId])).file),
      ownToA: await moveTo(stick, (await exportFile(b, cardA.fingerprint, [own.caseId])).file),
      passphrase: await moveTo(stick, await passphraseFile(a, [sent.caseId])),
      damaged: 'rg-0000dead.age',
    };
    await writeFile(join(stick, names.damaged), 'not an age file at all');
    b.choose.drives = [{ ...STICK, mountPoint: stick }];
    const listed = new Map(
      (await b.op('drives.files', { drive: STICK.id })).map((f) => [f.name, f]),
    );
    expect(listed.get(names.fromA)).toMatchObject({
      state: 'for_this_office',
      sender: { name: cardA.name, status: 'verified' },
    });
    expect(Date.parse(listed.get(names.fromA)!.createdAt!)).toBeGreaterThan(Date.now() - 120_000);
    expect(listed.get(names.ownToA)).toMatchObject({
      state: 'for_this_office',
      sender: { name: cardB.name, status: 'self' },
    });
    expect(listed.get(names.forC)).toMatchObject({
      state: 'other_offices',
      sender: null,
      createdAt: null,
    });
    expect(listed.get(names.passphrase)).toMatchObject({
      state: 'passphrase',
      sender: null,
      createdAt: null,
    });
    expect(listed.get(names.damaged)).toMatchObject({ state: 'unreadable', sender: null });

    // At C, A's file for B is someone else's; A's file for C names A.
    c.choose.drives = [{ ...STICK, mountPoint: stick }];
    const atC = new Map((await c.op('drives.files', { drive: STICK.id })).map((f) => [f.name, f]));
    expect(atC.get(names.fromA)).toMatchObject({ state: 'other_offices' });
    expect(atC.get(names.forC)).toMatchObject({ sender: { name: cardA.name, status: 'verified' } });
    expect(atC.get(names.ownToA)).toMatchObject({ state: 'other_offices' });
  });

  it('reads a file header and first chunk only, however large the file', async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Amenazas', 3_000_000);
    const { file } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    const keys = (await withVaultDatabase(b, readOfficeKeys))!;
    const cardA = await a.op('office.card', {});
    const described = await describeStickFile(file, {
      identity: keys.ageIdentity,
      own: { fingerprint: 'b'.repeat(64), signingPublic: keys.signingPublic },
      partner: (fp) =>
        fp === cardA.fingerprint
          ? { name: 'A', signingPublic: cardA.signingPublic, verified: true }
          : undefined,
    });
    expect(described).toMatchObject({ state: 'for_this_office', sender: { name: 'A' } });
    expect((await readFile(file)).length).toBeGreaterThan(3_000_000);
    expect(described.bytesRead).toBeLessThanOrEqual(4096 + 64 * 1024 + 16);
  });

  it('lists a file from before the envelope without sender or date, and it still imports', async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Amenazas', 1_000);
    const { file } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    const archive = await innerArchive(b, file);
    const { size } = parseTarHeader(archive.subarray(0, BLOCK));
    const today = archive.subarray(BLOCK, BLOCK + size);
    expect(today.length).toBeLessThanOrEqual(FORMAT_ENTRY_MAX);
    const version = (JSON.parse(today.toString()) as { version: number }).version;
    expect(readEnvelope(today)).not.toBeNull();
    const old = await withFormatEntry(
      archive,
      Buffer.from(JSON.stringify({ format: 'resguardo-exchange', version })),
      cardB.ageRecipient,
    );
    const stick = await tempDir();
    const name = await moveTo(stick, old);
    b.choose.drives = [{ ...STICK, mountPoint: stick }];
    expect(await b.op('drives.files', { drive: STICK.id })).toMatchObject([
      { name, state: 'for_this_office', sender: null, createdAt: null },
    ]);
    const preview = await b.op('exchange.preview', { fromDrive: { drive: STICK.id, name } });
    expect(preview!.counts.new).toBeGreaterThan(0);
  });

  it("refuses a file whose envelope is another file's (the listing would name the wrong sender)", async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Amenazas', 1_000);
    const first = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    const second = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    const firstArchive = await innerArchive(b, first.file);
    const { size } = parseTarHeader(firstArchive.subarray(0, BLOCK));
    const swapped = await withFormatEntry(
      await innerArchive(b, second.file),
      firstArchive.subarray(BLOCK, BLOCK + size),
      cardB.ageRecipient,
    );
    b.choose.file = swapped;
    expect(await codeOf(b.op('exchange.preview', {}))).toBe('exchange_corrupt');
  });

  it('reads the envelope of a file cut in parts from its first parts, and says "self" for our own', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    const { paths } = await exportToFile({
      source: memorySource(sampleRecords, [randomBytes(200_000)]),
      fields: await senderFields(keys),
      keys,
      target: { recipients: [keys.ageRecipient] },
      verifyKey: { identity: keys.ageIdentity },
      folder,
      splitSize: 40_000,
    });
    expect(paths.length).toBeGreaterThan(4);
    const described = await describeStickFile(paths[0]!, {
      identity: keys.ageIdentity,
      own: { fingerprint: fingerprintOf(keys), signingPublic: keys.signingPublic },
      partner: () => undefined,
    });
    expect(described).toMatchObject({
      state: 'for_this_office',
      sender: { name: 'Oficina de prueba', status: 'self' },
    });
    // Someone else's key named as ours: the envelope's signature does not hold.
    const other = await generateOfficeKeys();
    expect(
      await describeStickFile(paths[0]!, {
        identity: keys.ageIdentity,
        own: { fingerprint: fingerprintOf(keys), signingPublic: other.signingPublic },
        partner: () => undefined,
      }),
    ).toMatchObject({ state: 'unreadable', sender: null });
  });
});
