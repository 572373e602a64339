import { randomUUID } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../electron/exchange/archive-sink';
import {
  type ExchangeRecord,
  recordHash,
  recordKey,
} from '../../electron/exchange/exchange-records';
import { exportToFile } from '../../electron/exchange/export-file';
import { forEachRecordBatch } from '../../electron/exchange/import-records';
import { discardVerified, readExport } from '../../electron/exchange/import-reader';
import { RECORD_KINDS, scopedRecords } from '../../electron/exchange/table-records';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { writeDemoData } from '../../scripts/demo/generate';
import { checksum } from './support/db-checksum';
import { codeOf, type Office, sendAll, vaultRows } from './support/exchange-core';
import { memorySource, senderFields } from './support/exchange-files';
import { startOfficeIn, swapVerifiedCards, withVaultDatabase } from './support/office-harness';
import { tempDir } from './support/temp-dir';

/** A budget far below the records of the files below (several entries of about 1 MiB each). */
const SMALL = { ...DEFAULT_LIMITS, recordsInMemoryBytes: 128 * 1024 };

const note = (caseId: string, i: number): ExchangeRecord => ({
  kind: 'case_notes',
  id: randomUUID(),
  data: {
    case_id: caseId,
    body: `Nota ${i}: ${'seguimiento de la medida de protección '.repeat(12)}`,
  },
});

/** `count` notes (about 500 bytes each), after the case they belong to, or `before` it. */
function notesOfOneCase(count: number, caseFirst = true): ExchangeRecord[] {
  const theCase: ExchangeRecord = { kind: 'cases', id: randomUUID(), data: { title: 'Caso' } };
  const notes = Array.from({ length: count }, (_, i) => note(theCase.id, i));
  return caseFirst ? [theCase, ...notes] : [...notes, theCase];
}

async function fileOf(records: ExchangeRecord[]) {
  const keys = await generateOfficeKeys();
  const folder = await tempDir();
  const exported = await exportToFile({
    source: memorySource(records, []),
    fields: await senderFields(keys),
    keys,
    target: { recipients: [keys.ageRecipient] },
    verifyKey: { identity: keys.ageIdentity },
    folder,
  });
  return { paths: exported.paths, key: { identity: keys.ageIdentity } };
}

describe('an import of more records than it may hold in memory', () => {
  it('keeps none of them after the check and hands them on an entry at a time, in order', async () => {
    const records = notesOfOneCase(6000);
    const { paths, key } = await fileOf(records);

    const verified = await readExport(paths, key, null, SMALL);
    // The check pass counted every record, and kept none of them.
    expect(verified.records).toBeNull();
    expect(verified.recordCount).toBe(records.length);
    const batches: ExchangeRecord[][] = [];
    await forEachRecordBatch(verified, async (batch) => void batches.push(batch));
    expect(batches.length).toBeGreaterThan(2);
    for (const batch of batches) expect(batch.length).toBeLessThan(records.length / 2);
    expect(batches.flat()).toEqual(records);

    // Each entry read again must be the one the signed manifest lists, else none is used.
    const parts = verified.manifest.parts.map((p, i) =>
      i === 1 ? { ...p, sha256: '0'.repeat(64) } : p,
    );
    const used: ExchangeRecord[][] = [];
    const altered = { ...verified, manifest: { ...verified.manifest, parts } };
    const reading = forEachRecordBatch(altered, async (batch) => void used.push(batch));
    expect(await codeOf(reading)).toBe('exchange_source_changed');
    expect(used).toHaveLength(1);
    const copy = { ...altered, file: { ...altered.file, copied: true } };
    expect(await codeOf(forEachRecordBatch(copy, async () => undefined))).toBe('exchange_corrupt');
    await discardVerified(verified);

    // Within the budget, the same file is held whole, as before.
    const held = await readExport(paths, key, null, DEFAULT_LIMITS);
    expect(held.records).toEqual(records);
    await discardVerified(held);
  });

  it('refuses a file too large to hold whose records are not in the order exports write', async () => {
    const records = notesOfOneCase(6000, false);
    const { paths, key } = await fileOf(records);
    const verified = await readExport(paths, key, null, SMALL);
    const used: ExchangeRecord[][] = [];
    const reading = forEachRecordBatch(verified, async (batch) => void used.push(batch));
    expect(await codeOf(reading)).toBe('exchange_corrupt');
    // Refused at the first batch that comes before the last one's kind, before it is used.
    expect(used.flat().every((r) => r.kind === 'case_notes')).toBe(true);
    await discardVerified(verified);
    // A damaged record in a file not held: refused when it is read again, not used.
    const damaged = notesOfOneCase(6000);
    damaged.splice(4000, 0, { kind: 'Not A Kind', id: randomUUID(), data: {} });
    const bad = await fileOf(damaged);
    const unread = await readExport(bad.paths, bad.key, null, SMALL);
    expect(await codeOf(forEachRecordBatch(unread, async () => undefined))).toBe(
      'exchange_corrupt',
    );
    await discardVerified(unread);

    // Held, it is sorted in memory (merge.ts), as ever.
    const held = await readExport(paths, key, null, DEFAULT_LIMITS);
    expect(held.records).toHaveLength(records.length);
    await discardVerified(held);
  });

  it('previews and applies a vault sent whole as one held in memory would, and back', async () => {
    const root = await tempDir();
    const a = await startOfficeIn(join(root, 'a'), 'Red de Defensoras del Istmo', {
      importLimits: SMALL,
    });
    const b = await startOfficeIn(join(root, 'b'), 'Oficina Tegucigalpa', { importLimits: SMALL });
    // The control: the same file, held in memory.
    const c = await startOfficeIn(join(root, 'c'), 'Oficina San Salvador');
    const { cardB } = await swapVerifiedCards(a, b);
    const { cardB: cardC } = await swapVerifiedCards(a, c);
    await withVaultDatabase(a, (db) => writeDemoData(db, { cases: 300, dataDir: a.dir }));
    const file = await sendAll(a, [cardB.fingerprint, cardC.fingerprint]);

    b.choose.file = file;
    c.choose.file = file;
    const streamed = (await b.op('exchange.preview', {}))!;
    const held = (await c.op('exchange.preview', {}))!;
    expect(streamed.counts).toEqual(held.counts);
    expect(streamed.records).toEqual(held.records);
    expect(streamed.counts.new).toBeGreaterThan(3000);
    const apply = (office: Office, importId: string) =>
      office.op('exchange.apply', { importId, acceptUnverified: true });
    expect((await apply(b, streamed.importId)).counts).toEqual(
      (await apply(c, held.importId)).counts,
    );
    expect(await tableCounts(b)).toEqual(await tableCounts(c));
    expect(await tableCounts(b)).toEqual(await tableCounts(a));

    // And back: every record the same version as last shared, compared a batch at a time.
    a.choose.file = await sendAll(b, [(await a.op('office.card', {})).fingerprint]);
    const back = (await a.op('exchange.preview', {}))!;
    expect(back.counts).toMatchObject({ update: 0, conflict: 0, deleted: 0 });
    // (New there: only custody entries b wrote as it took the evidence in.)
    expect(back.counts.unchanged).toBe(streamed.counts.new);
    expect((await apply(a, back.importId)).counts.unchanged).toBe(streamed.counts.new);
  });

  it('refuses at apply a file changed in place since its preview, with nothing changed', async () => {
    const { a, b, cardB } = await smallBudgetPartners();
    await withVaultDatabase(a, (db) => writeDemoData(db, { cases: 300, dataDir: a.dir }));
    const file = await sendAll(a, [cardB.fingerprint]);
    const other = await sendAll(a, [cardB.fingerprint]);
    b.choose.file = file;
    // Taken first: reading the vault straight locks it, which drops a pending import.
    const before = await checksum(b);
    const preview = (await b.op('exchange.preview', {}))!;
    // Another genuine file from the same office, put where the checked one was.
    await copyFile(other, file);
    expect(
      await codeOf(b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false })),
    ).toBe('exchange_source_changed');
    expect(await checksum(b)).toBe(before);
  });
});

describe('an export of more versions than it keeps in memory', () => {
  it('sets as bases the versions read back from the verified file, each the one sent', async () => {
    const root = await tempDir();
    const a = await startOfficeIn(join(root, 'a'), 'Red de Defensoras del Istmo', { sentHeld: 50 });
    const b = await startOfficeIn(join(root, 'b'), 'Oficina Tegucigalpa');
    const { cardB } = await swapVerifiedCards(a, b);
    await withVaultDatabase(a, (db) => writeDemoData(db, { cases: 30, dataDir: a.dir }));
    // What the export will send: the vault as it is before (the export adds custody entries).
    const held = new Map<string, string>();
    await withVaultDatabase(a, async (db) => {
      for await (const record of scopedRecords(db, { all: true })) {
        held.set(recordKey(record.kind, record.id), recordHash(record));
      }
    });
    await sendAll(a, [cardB.fingerprint]);
    await withVaultDatabase(a, async (db) => {
      expect(held.size).toBeGreaterThan(50);
      const rows = await db.all(
        'SELECT kind, record_id, hash FROM exchange_bases WHERE office = ?',
        [cardB.fingerprint],
      );
      const bases = new Map(
        rows.map((r) => [recordKey(String(r['kind']), String(r['record_id'])), String(r['hash'])]),
      );
      expect(bases).toEqual(held);
    });
  });
});

async function smallBudgetPartners() {
  const root = await tempDir();
  const a = await startOfficeIn(join(root, 'a'), 'Red de Defensoras del Istmo');
  const b = await startOfficeIn(join(root, 'b'), 'Oficina Tegucigalpa', { importLimits: SMALL });
  return { a, b, ...(await swapVerifiedCards(a, b)) };
}

/** How many rows each kind of record has in the office's vault. */
async function tableCounts(office: Office): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const kind of RECORD_KINDS) {
    const [row] = await vaultRows(office, `SELECT count(*) AS n FROM ${kind}`);
    counts[kind] = Number(row?.['n']);
  }
  return counts;
}
