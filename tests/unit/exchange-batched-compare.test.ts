import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../electron/exchange/archive-sink';
import { type ExchangeRecord, recordKey } from '../../electron/exchange/exchange-records';
import { type BatchContext } from '../../electron/exchange/import-records';
import { discardVerified, readExport } from '../../electron/exchange/import-reader';
import { classifyAll } from '../../electron/exchange/merge';
import { ArrivingTally } from '../../electron/exchange/preview-names';
import { ownCard } from '../../electron/office/office-views';
import { writeDemoData } from '../../scripts/demo/generate';
import { seededRandom } from '../../scripts/demo/random';
import { partneredOffices, sendAll } from './support/exchange-core';
import { withVaultDatabase } from './support/office-harness';

const RUNS = 60;

/** The file's records in file order, split before each of `cuts`. */
function split(records: ExchangeRecord[], cuts: number[]): ExchangeRecord[][] {
  const edges = [0, ...[...new Set(cuts)].sort((x, y) => x - y), records.length];
  return edges
    .slice(1)
    .map((end, i) => records.slice(edges[i], end))
    .filter((b) => b.length > 0);
}

describe('comparing a file a batch at a time', () => {
  it('gives every record the verdict comparing it whole gives, wherever the batches are cut', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    await withVaultDatabase(a, (db) => writeDemoData(db, { cases: 20, dataDir: a.dir }));
    b.choose.file = await sendAll(a, [cardB.fingerprint]);
    const first = (await b.op('exchange.preview', {}))!;
    await b.op('exchange.apply', { importId: first.importId, acceptUnverified: false });
    // A case b deleted since, to which a added a note: the note is not brought back either.
    const [deletedCase, otherCase, bothCase, theirCase] = first.records.filter(
      (r) => r.kind === 'cases',
    );
    await a.op('notes.add', { caseId: deletedCase!.id, body: 'Llamada de seguimiento' });
    await a.op('notes.add', { caseId: otherCase!.id, body: 'Se otorgó la medida' });
    await b.op('cases.delete', { id: deletedCase!.id });
    // Edited at both offices since (made apart: a conflict), and at a only (theirs is newer).
    await a.op('cases.update', { id: bothCase!.id, title: 'Desplazamiento forzado (A)' });
    await b.op('cases.update', { id: bothCase!.id, title: 'Desplazamiento forzado (B)' });
    await a.op('cases.update', { id: theirCase!.id, urgency: 'critical' });
    const file = await sendAll(a, [cardB.fingerprint]);

    await withVaultDatabase(b, async (db) => {
      const { keys } = await ownCard(db);
      const verified = await readExport(
        [file],
        { identity: keys.ageIdentity },
        null,
        DEFAULT_LIMITS,
      );
      const records = verified.records!;
      await discardVerified(verified);
      const verdicts = async (batches: ExchangeRecord[][]) => {
        const context: BatchContext = { deleted: new Set() };
        const found = new Map<string, string>();
        const arriving = new ArrivingTally();
        for (const batch of batches) {
          const classified = await classifyAll(db, cardA.fingerprint, batch, {}, context);
          for (const c of classified) found.set(recordKey(c.record.kind, c.record.id), c.verdict);
          arriving.add(classified);
        }
        // What the preview names arriving is the same too, wherever the cuts fall.
        return { found, arriving: await arriving.finish(db) };
      };
      const { found: whole, arriving } = await verdicts([records]);
      const note = records.find(
        (r) => r.kind === 'case_notes' && r.data['body'] === 'Llamada de seguimiento',
      );
      // Deleted here and changed there since (a note added): theirs waits as a conflict.
      expect(whole.get(recordKey('cases', deletedCase!.id))).toBe('conflict');
      expect(whole.get(recordKey('cases', bothCase!.id))).toBe('conflict');
      expect(whole.get(recordKey('cases', theirCase!.id))).toBe('update');
      expect(arriving.items).toContainEqual(
        expect.objectContaining({ id: bothCase!.id, group: 'conflicting' }),
      );
      expect(whole.get(recordKey('case_notes', note!.id))).toBe('deleted');
      const added = records.find(
        (r) =>
          r.kind === 'case_notes' &&
          r.data['case_id'] === otherCase!.id &&
          r.data['body'] === 'Se otorgó la medida',
      );
      expect(whole.get(recordKey('case_notes', added!.id))).toBe('new');

      // Cut right between the deleted case and the note hanging from it.
      const at = records.indexOf(note!);
      expect(await verdicts(split(records, [at]))).toEqual({ found: whole, arriving });
      // And anywhere else: random cuts, the seed printed when one differs.
      const seed = Number(process.env['BATCH_SEED'] ?? randomInt(2 ** 31));
      const random = seededRandom(seed);
      for (let run = 0; run < RUNS; run++) {
        const cuts = Array.from({ length: random.int(1, 12) }, () =>
          random.int(1, records.length - 1),
        );
        expect(await verdicts(split(records, cuts)), `BATCH_SEED=${seed}, run ${run}`).toEqual({
          found: whole,
          arriving,
        });
      }
    });
  });
});
