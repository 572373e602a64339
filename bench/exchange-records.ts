import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { writeDemoData } from '../scripts/demo/generate';
import {
  type Office,
  startOfficeIn,
  swapVerifiedCards,
  withVaultDatabase,
} from '../tests/unit/support/office-harness';
import { type PrintFigure } from './print';
import { benchWholeVault } from './whole-vault';

const CASES = Number(process.env['BENCH_EXCHANGE_CASES'] ?? 2_000);

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Everything `from` holds, to `to`: the export, the preview and the apply, timed apart. */
async function sendAll(from: Office, to: Office, fingerprint: string) {
  const folder = await mkdtemp(join(tmpdir(), 'resguardo-bench-stick-'));
  from.choose.folder = folder;
  const scope = { all: true as const };
  let started = performance.now();
  const check = await from.op('exchange.exportCheck', { scope });
  const sent = await from.op('exchange.export', {
    jobId: randomUUID(),
    scope,
    to: { partners: [fingerprint] },
    ...(check.token ? { acceptedGaps: check.token } : {}),
  });
  const exported = seconds(started);
  const file = join(folder, (await readdir(folder))[0]!);
  const size = (await stat(file)).size;
  to.choose.file = file;
  started = performance.now();
  const preview = (await to.op('exchange.preview', {}))!;
  const previewed = seconds(started);
  started = performance.now();
  const applied = await to.op('exchange.apply', {
    importId: preview.importId,
    acceptUnverified: false,
  });
  const appliedIn = seconds(started);
  await rm(folder, { recursive: true, force: true });
  return {
    records: sent!.recordCount,
    evidence: sent!.evidenceCount,
    size,
    exported,
    previewed,
    appliedIn,
    counts: applied.counts,
  };
}

/**
 * An office sends everything it holds (CASES demo cases, with their people, assessments, notes
 * and small evidence files) to a partner, which then sends it all back: the first exchange
 * writes every record, the second finds each unchanged (the weekly round between two offices).
 */
export async function benchExchangeRecords(print: PrintFigure) {
  const work = await mkdtemp(join(tmpdir(), 'resguardo-bench-records-'));
  const a = await startOfficeIn(join(work, 'a'), 'Red de Defensoras del Istmo');
  const b = await startOfficeIn(join(work, 'b'), 'Oficina Tegucigalpa');
  const { cardA, cardB } = await swapVerifiedCards(a, b);
  // The demo generator writes straight into the office's database.
  await withVaultDatabase(a, (db) => writeDemoData(db, { cases: CASES, dataDir: a.dir }));
  print('exchange.records.cases', CASES, 'cases');

  const first = await sendAll(a, b, cardB.fingerprint);
  print('exchange.records.count', first.records, 'records');
  print('exchange.records.evidence', first.evidence, 'files');
  print('exchange.records.file_size', first.size / 2 ** 20, 'MiB');
  print('exchange.records.export', first.exported, 's');
  print('exchange.records.preview', first.previewed, 's');
  print('exchange.records.apply', first.appliedIn, 's');
  print('exchange.records.apply.new', first.counts.new, 'records');

  const back = await sendAll(b, a, cardA.fingerprint);
  print('exchange.records.back.export', back.exported, 's');
  print('exchange.records.back.preview', back.previewed, 's');
  print('exchange.records.back.apply', back.appliedIn, 's');
  print('exchange.records.back.apply.unchanged', back.counts.unchanged, 'records');
  print('exchange.records.peak_rss', process.resourceUsage().maxRSS / 1024, 'MiB');
  await rm(work, { recursive: true, force: true });
  if (process.env['BENCH_WHOLE_VAULT'] !== '0') await benchWholeVault(print);
}
