import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceDir } from '../../electron/evidence/evidence-paths';
import { decryptEvidenceToMemory } from '../../electron/evidence/evidence-store';
import { encryptEvidenceStream } from '../../electron/evidence/evidence-stream';
import { caseSample } from './support/record-samples';
import { codeOf, partneredOffices, type Office } from './support/exchange-core';
import { tempDir } from './support/temp-dir';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A case with one evidence file of `size` random bytes, taken in as a user would. */
async function caseWithEvidence(office: Office, title: string, size: number) {
  const created = await office.op('cases.create', {
    ...caseSample,
    title,
    aggressions: [],
    sources: [],
  });
  const data = randomBytes(size);
  const source = join(await tempDir(), `${title}.bin`);
  await writeFile(source, data);
  office.choose.open = [source];
  const [chosen] = await office.op('evidence.chooseFiles', {});
  const item = await office.op('evidence.intake', {
    caseId: created.id,
    token: chosen!.token,
    description: `Prueba de ${title}`,
  });
  return { caseId: created.id, item, data };
}

async function exportFile(from: Office, to: string, caseIds: string[]) {
  const folder = await tempDir();
  from.choose.folder = folder;
  const result = await from.op('exchange.export', {
    jobId: randomUUID(),
    scope: { caseIds },
    to: { partners: [to] },
  });
  return { result: result!, file: join(folder, (await readdir(folder))[0]!) };
}

describe('evidence through the exchange', () => {
  it('sends three cases with evidence A → B: same bytes and hashes, fresh keys, custody on both sides', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    // Sizes around the 64 KiB chunk: empty, exactly one chunk, several with a short tail.
    const sent = [
      await caseWithEvidence(a, 'Amenazas', 0),
      await caseWithEvidence(a, 'Vigilancia', 64 * 1024),
      await caseWithEvidence(a, 'Desalojo', 300_001),
    ];
    const { result, file } = await exportFile(
      a,
      cardB.fingerprint,
      sent.map((s) => s.caseId),
    );
    expect(result.evidenceCount).toBe(3);

    b.choose.file = file;
    const preview = (await b.op('exchange.preview', {}))!;
    expect(preview.evidenceCount).toBe(3);
    expect(preview.records.filter((r) => r.kind === 'evidence_items')).toHaveLength(3);
    await b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });

    for (const one of sent) {
      const [item] = await b.op('evidence.list', { caseId: one.caseId });
      expect(item).toMatchObject({
        id: one.item.id,
        sha256: sha(one.data),
        size: one.data.length,
        description: one.item.description,
      });
      const copy = join(await tempDir(), 'copia.bin');
      b.choose.save = copy;
      expect(await b.op('evidence.saveCopy', { id: item!.id })).toEqual({
        saved: true,
        sha256: sha(one.data),
      });
      expect((await readFile(copy)).equals(one.data)).toBe(true);
      const custody = await b.op('evidence.custody', { id: item!.id });
      expect(custody[0]).toMatchObject({
        action: 'import',
        hashOk: true,
        counterpart: cardA.name,
      });
      const sentCustody = await a.op('evidence.custody', { id: one.item.id });
      expect(sentCustody.at(-1)).toMatchObject({ action: 'export', counterpart: cardB.name });
    }
    // B holds its own encrypted copies: no file name in common with A's folder.
    const inA = new Set(await readdir(evidenceDir(a.dir)));
    const inB = await readdir(evidenceDir(b.dir));
    expect(inB).toHaveLength(3);
    expect(inB.some((name) => inA.has(name))).toBe(false);
    expect((await b.op('audit.verify', {})).intact).toBe(true);
  });

  it('fails the export when an item no longer matches its hash, rather than send it', async () => {
    const { a, cardB } = await partneredOffices();
    const one = await caseWithEvidence(a, 'Amenazas', 1000);
    // Damage A's encrypted copy: the export must fail rather than send altered evidence.
    const [name] = await readdir(evidenceDir(a.dir));
    const path = join(evidenceDir(a.dir), name!);
    const bytes = await readFile(path);
    bytes[bytes.length - 20]! ^= 1;
    await writeFile(path, bytes);
    a.choose.folder = await tempDir();
    expect(
      await codeOf(
        a.op('exchange.export', {
          jobId: randomUUID(),
          scope: { caseIds: [one.caseId] },
          to: { partners: [cardB.fingerprint] },
        }),
      ),
    ).toBe('evidence_corrupt');
    expect(await readdir(a.choose.folder)).toEqual([]);
  });

  it('writes files the intake reader decrypts, at chunk-boundary sizes', async () => {
    const dir = await tempDir();
    for (const size of [0, 1, 65_535, 65_536, 65_537, 200_000]) {
      const data = randomBytes(size);
      const stored = await encryptEvidenceStream(
        dir,
        (async function* () {
          for (let i = 0; i < data.length; i += 10_000) yield data.subarray(i, i + 10_000);
        })(),
      );
      expect(stored).toMatchObject({ sha256: sha(data), size });
      const back = await decryptEvidenceToMemory(dir, stored);
      expect(back && Buffer.from(back).equals(data), `size ${size}`).toBe(true);
    }
  });
});

describe('exports to a detected drive', () => {
  it('writes to the drive main listed, finds the file there for import, and refuses any other id', async () => {
    const { a, b, cardB } = await partneredOffices();
    const one = await caseWithEvidence(a, 'Amenazas', 10);
    const stick = { id: 'b'.repeat(16), label: 'KINGSTON', size: 1e9, free: 1e9 };
    a.choose.drives = [{ ...stick, mountPoint: await tempDir() }];
    expect(await a.op('drives.list', {})).toEqual([stick]);
    const result = await a.op('exchange.export', {
      jobId: randomUUID(),
      scope: { caseIds: [one.caseId] },
      to: { partners: [cardB.fingerprint] },
      drive: stick.id,
    });
    expect(await readdir(a.choose.drives[0]!.mountPoint)).toEqual([result!.fileName]);
    expect(
      await codeOf(
        a.op('exchange.export', {
          jobId: randomUUID(),
          scope: { all: true },
          to: { partners: [cardB.fingerprint] },
          drive: 'c'.repeat(16),
        }),
      ),
    ).toBe('drive_gone');

    // The stick moves to B's computer.
    b.choose.drives = a.choose.drives;
    const files = await b.op('drives.files', { drive: stick.id });
    expect(files.map((f) => f.name)).toEqual([result!.fileName]);
    const preview = await b.op('exchange.preview', {
      fromDrive: { drive: stick.id, name: files[0]!.name },
    });
    expect(preview?.evidenceCount).toBe(1);
  });
});
