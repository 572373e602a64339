import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceDir } from '../../electron/evidence/evidence-paths';
import { caseSample } from './support/record-samples';
import { codeOf, partneredOffices, type Office } from './support/exchange-core';
import { checksum } from './support/db-checksum';
import { tempDir } from './support/temp-dir';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A case with one evidence file of `size` random bytes, taken in as a user would. */
async function caseWithEvidence(
  office: Office,
  title: string,
  size: number,
  data = randomBytes(size),
) {
  const created = await office.op('cases.create', {
    ...caseSample,
    title,
    aggressions: [],
    sources: [],
  });
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

  it('brings items of sizes around a chunk across intact; content attached twice arrives as two items', async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = [];
    for (const size of [1, 65_535, 65_537, 200_000]) {
      sent.push(await caseWithEvidence(a, `Caso ${size}`, size));
    }
    const first = sent[0]!;
    // The same bytes in another case: one entry in the file, two items (two keys) on arrival.
    sent.push(await caseWithEvidence(a, 'Copia', first.data.length, first.data));
    const { file } = await exportFile(
      a,
      cardB.fingerprint,
      sent.map((s) => s.caseId),
    );
    b.choose.file = file;
    const preview = (await b.op('exchange.preview', {}))!;
    expect(preview.evidenceCount).toBe(4);
    await b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });
    for (const one of sent) {
      const [item] = await b.op('evidence.list', { caseId: one.caseId });
      const copy = join(await tempDir(), 'copia.bin');
      b.choose.save = copy;
      expect(await b.op('evidence.saveCopy', { id: item!.id })).toEqual({
        saved: true,
        sha256: sha(one.data),
      });
      expect((await readFile(copy)).equals(one.data), `size ${one.data.length}`).toBe(true);
    }
    expect(await readdir(evidenceDir(b.dir))).toHaveLength(5);
  });
});

describe('the apply pass', () => {
  it('reads the checked copy: works with the drive gone, refuses a copy altered meanwhile', async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Amenazas', 300_000);
    const spool = join(b.dir, 'exchange-spool');

    // Altered between preview and apply: refused, nothing written, nothing left behind.
    const first = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    const before = await checksum(b);
    b.choose.file = first.file;
    const preview = (await b.op('exchange.preview', {}))!;
    const [copy] = await readdir(spool);
    const bytes = await readFile(join(spool, copy!));
    bytes[bytes.length - 5_000]! ^= 1;
    await writeFile(join(spool, copy!), bytes);
    expect(
      await codeOf(b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false })),
    ).toBe('exchange_corrupt');
    expect(await readdir(spool)).toEqual([]);
    expect(await readdir(evidenceDir(b.dir)).catch(() => [])).toEqual([]);
    expect(await checksum(b)).toBe(before);

    // The file itself gone after the preview (the drive unplugged): the copy is enough.
    b.choose.file = first.file;
    const again = (await b.op('exchange.preview', {}))!;
    await rm(first.file);
    await b.op('exchange.apply', { importId: again.importId, acceptUnverified: false });
    const [item] = await b.op('evidence.list', { caseId: sent.caseId });
    expect(item).toMatchObject({ sha256: sha(sent.data), size: sent.data.length });
    expect(await readdir(spool)).toEqual([]);
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
