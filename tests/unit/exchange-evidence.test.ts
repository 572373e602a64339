import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceDir } from '../../electron/evidence/evidence-paths';
import { caseWithEvidence, exportFile } from './support/exchange-cases';
import { codeOf, partneredOffices } from './support/exchange-core';
import { checksum } from './support/db-checksum';
import { tempDir } from './support/temp-dir';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

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
      expect(await b.op('evidence.saveCopy', { id: item!.id, token: randomUUID() })).toEqual({
        saved: true,
        sha256: sha(one.data),
      });
      expect((await readFile(copy)).equals(one.data)).toBe(true);
      // The chain of custody travels: A's intake (at A), then B's receipt and copy (here).
      const custody = await b.op('evidence.custody', { id: item!.id });
      expect(custody).toMatchObject([
        { action: 'intake', office: { name: cardA.name } },
        { action: 'import', hashOk: true, counterpart: cardA.name, office: null },
        { action: 'decrypted_copy', office: null },
      ]);
      const sentCustody = await a.op('evidence.custody', { id: one.item.id });
      expect(sentCustody.at(-1)).toMatchObject({ action: 'export', counterpart: cardB.name });
    }
    // Back to A: B's entries join A's chain, attributed to B; A's own are not doubled.
    a.choose.file = (await exportFile(b, cardA.fingerprint, [sent[0]!.caseId])).file;
    const returned = (await a.op('exchange.preview', {}))!;
    await a.op('exchange.apply', { importId: returned.importId, acceptUnverified: false });
    const chain = await a.op('evidence.custody', { id: sent[0]!.item.id });
    expect(chain.map((entry) => [entry.action, entry.office ? entry.office.name : 'here'])).toEqual(
      [
        ['intake', 'here'],
        ['export', 'here'],
        ['import', cardB.name],
        ['decrypted_copy', cardB.name],
      ],
    );
    // B holds its own encrypted copies: no file name in common with A's folder.
    const inA = new Set(await readdir(evidenceDir(a.dir)));
    const inB = await readdir(evidenceDir(b.dir));
    expect(inB).toHaveLength(3);
    expect(inB.some((name) => inA.has(name))).toBe(false);
    expect((await b.op('audit.verify', {})).intact).toBe(true);
  });

  it("restores a deleted case from the office's own passphrase copy, custody as its own", async () => {
    const { a } = await partneredOffices();
    const one = await caseWithEvidence(a, 'Amenazas', 70_000);
    const passphrase = 'siete garzas cruzan el río de noche';
    const ownCopy = async () => {
      const folder = await tempDir();
      a.choose.folder = folder;
      await a.op('exchange.export', {
        jobId: randomUUID(),
        scope: { caseIds: [one.caseId] },
        to: { passphrase },
      });
      return join(folder, (await readdir(folder))[0]!);
    };
    const readBack = async (file: string) => {
      a.choose.file = file;
      const preview = (await a.op('exchange.preview', { passphrase }))!;
      expect(preview.sender.status).toBe('self');
      await a.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });
      return preview;
    };
    const [first, second] = [await ownCopy(), await ownCopy()];
    // Read back once while the case is here: nothing changes (and it now shares a base with
    // itself, which must not make the deletion below stick).
    expect((await readBack(first)).counts.new).toBe(0);
    await a.op('cases.delete', { id: one.caseId });

    expect((await readBack(second)).counts).toMatchObject({ deleted: 0 });
    expect((await a.op('cases.get', { id: one.caseId })).id).toBe(one.caseId);
    const chain = await a.op('evidence.custody', { id: one.item.id });
    // Its own entries come back as its own (the file names this office by its fingerprint);
    // the second copy was made after the first one's export entry.
    expect(chain.map((entry) => [entry.action, entry.office])).toEqual([
      ['intake', null],
      ['export', null],
      ['import', null],
    ]);
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
      expect(await b.op('evidence.saveCopy', { id: item!.id, token: randomUUID() })).toEqual({
        saved: true,
        sha256: sha(one.data),
      });
      expect((await readFile(copy)).equals(one.data), `size ${one.data.length}`).toBe(true);
    }
    expect(await readdir(evidenceDir(b.dir))).toHaveLength(5);
  });
});

describe('the apply pass', () => {
  it('reads a local file again and refuses it when it changed after the preview', async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Amenazas', 300_000);
    const { file } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    const before = await checksum(b);
    b.choose.file = file;
    const preview = (await b.op('exchange.preview', {}))!;
    // On this computer's disk: checked in place, nothing copied.
    expect(await readdir(join(b.dir, 'exchange-spool')).catch(() => [])).toEqual([]);
    const bytes = await readFile(file);
    bytes[bytes.length - 100_000]! ^= 1;
    await writeFile(file, bytes);
    expect(
      await codeOf(b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false })),
    ).toBe('exchange_source_changed');
    expect(await readdir(evidenceDir(b.dir)).catch(() => [])).toEqual([]);
    expect(await checksum(b)).toBe(before);
  });

  it('copies a file on a stick while checking it: unplugged is fine, an altered copy is refused', async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Amenazas', 300_000);
    const stick = { id: 'd'.repeat(16), label: 'USB', size: 1e9, free: 1e9 };
    b.choose.drives = [{ ...stick, mountPoint: await tempDir() }];
    const spool = join(b.dir, 'exchange-spool');
    const onStick = async () => {
      const { file } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
      await rename(file, join(b.choose.drives[0]!.mountPoint, basename(file)));
      return basename(file);
    };

    // The copy altered between preview and apply: refused, nothing written or left behind.
    const before = await checksum(b);
    const first = await b.op('exchange.preview', {
      fromDrive: { drive: stick.id, name: await onStick() },
    });
    const [copy] = await readdir(spool);
    const bytes = await readFile(join(spool, copy!));
    bytes[bytes.length - 5_000]! ^= 1;
    await writeFile(join(spool, copy!), bytes);
    expect(
      await codeOf(b.op('exchange.apply', { importId: first!.importId, acceptUnverified: false })),
    ).toBe('exchange_corrupt');
    expect(await readdir(spool)).toEqual([]);
    expect(await readdir(evidenceDir(b.dir)).catch(() => [])).toEqual([]);
    expect(await checksum(b)).toBe(before);

    // The stick unplugged after the preview: the copy is enough.
    const second = await b.op('exchange.preview', {
      fromDrive: { drive: stick.id, name: await onStick() },
    });
    await rm(b.choose.drives[0]!.mountPoint, { recursive: true });
    b.choose.drives = [];
    await b.op('exchange.apply', { importId: second!.importId, acceptUnverified: false });
    const [item] = await b.op('evidence.list', { caseId: sent.caseId });
    expect(item).toMatchObject({ sha256: sha(sent.data), size: sent.data.length });
    expect(await readdir(spool)).toEqual([]);
  });
});

describe('import jobs', () => {
  it('report progress and stop on cancel, at the preview and at the apply, leaving nothing', async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Video', 64 * 1024 * 1024);
    const { file } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    const before = await checksum(b);
    b.choose.file = file;
    /** Start `work`, cancel its job at its first progress event, and answer its outcome. */
    const cancelMidway = async (jobId: string, work: Promise<unknown>) => {
      const seen = () => b.events.some((e) => (e.payload as { jobId?: string }).jobId === jobId);
      while (!seen()) await new Promise((resolve) => setTimeout(resolve, 1));
      await b.op('exchange.cancel', { jobId });
      return codeOf(work);
    };

    const checking = randomUUID();
    expect(await cancelMidway(checking, b.op('exchange.preview', { jobId: checking }))).toBe(
      'cancelled',
    );

    const preview = (await b.op('exchange.preview', { jobId: randomUUID() }))!;
    const storing = randomUUID();
    const apply = b.op('exchange.apply', {
      importId: preview.importId,
      acceptUnverified: false,
      jobId: storing,
    });
    expect(await cancelMidway(storing, apply)).toBe('cancelled');
    const phases = new Set(
      b.events
        .filter((e) => e.name === 'exchange.progress')
        .map((e) => (e.payload as { phase: string }).phase),
    );
    // The preview that ran whole also compared its records; the apply stopped while storing.
    expect([...phases].sort()).toEqual(['checking', 'comparing', 'storing']);
    expect(await readdir(evidenceDir(b.dir)).catch(() => [])).toEqual([]);
    expect(await checksum(b)).toBe(before);
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
