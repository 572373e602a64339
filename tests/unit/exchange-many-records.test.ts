import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceDir } from '../../electron/evidence/evidence-paths';
import { writeDemoData } from '../../scripts/demo/generate';
import { checksum } from './support/db-checksum';
import { codeOf, partneredOffices } from './support/exchange-core';
import { withVaultDatabase } from './support/office-harness';
import { tempDir } from './support/temp-dir';

type Progress = { jobId: string; phase: string; done: number; total: number };

describe('an import of many records', () => {
  it('says how far comparing and saving are, and a cancel at either changes nothing', async () => {
    const { a, b, cardB } = await partneredOffices();
    await withVaultDatabase(a, (db) => writeDemoData(db, { cases: 60, dataDir: a.dir }));
    const scope = { all: true as const };
    const check = await a.op('exchange.exportCheck', { scope });
    a.choose.folder = await tempDir();
    const sent = await a.op('exchange.export', {
      jobId: randomUUID(),
      scope,
      to: { partners: [cardB.fingerprint] },
      ...(check.token ? { acceptedGaps: check.token } : {}),
    });
    b.choose.file = join(a.choose.folder, (await readdir(a.choose.folder))[0]!);
    const before = await checksum(b);
    const reports = (jobId: string, phase: string) =>
      b.events
        .map((e) => e.payload as Progress)
        .filter((p) => p.jobId === jobId && p.phase === phase);
    /** Cancel the job `jobId` at its first report of `phase`. */
    const cancelAtFirst = (jobId: string, phase: string) =>
      b.listeners.push((name, payload) => {
        const p = payload as Progress;
        if (p.jobId === jobId && p.phase === phase && p.done === 0) {
          void b.op('exchange.cancel', { jobId });
        }
      });

    // The preview compares the records with ours in runs, reporting each: cancelled at the
    // first, it leaves nothing behind either.
    const reading = randomUUID();
    cancelAtFirst(reading, 'comparing');
    expect(await codeOf(b.op('exchange.preview', { jobId: reading }))).toBe('cancelled');
    expect(await readdir(join(b.dir, 'exchange-spool')).catch(() => [])).toEqual([]);
    const compared = randomUUID();
    let preview = (await b.op('exchange.preview', { jobId: compared }))!;
    expect(reports(compared, 'comparing').at(-1)).toMatchObject({
      done: sent!.recordCount,
      total: sent!.recordCount,
    });

    // Cancelled at its first report from inside the transaction: nothing is kept.
    const cancelled = randomUUID();
    cancelAtFirst(cancelled, 'saving');
    const apply = (importId: string, jobId: string) =>
      b.op('exchange.apply', { importId, acceptUnverified: false, jobId });
    expect(await codeOf(apply(preview.importId, cancelled))).toBe('cancelled');
    expect(reports(cancelled, 'saving').length).toBeGreaterThan(0);
    expect(await checksum(b)).toBe(before);
    expect(await readdir(evidenceDir(b.dir)).catch(() => [])).toEqual([]);

    // Read again and applied whole: the reports climb to every record of the file.
    preview = (await b.op('exchange.preview', {}))!;
    const whole = randomUUID();
    const applied = await apply(preview.importId, whole);
    expect(applied.counts.new).toBe(sent!.recordCount);
    const saved = reports(whole, 'saving');
    expect(saved.length).toBeGreaterThan(3);
    expect(saved.map((p) => p.done)).toEqual([...saved.map((p) => p.done)].sort((x, y) => x - y));
    expect(saved.at(-1)).toMatchObject({ done: sent!.recordCount, total: sent!.recordCount });
  });
});
