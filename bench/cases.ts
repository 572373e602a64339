import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseListInput } from '../shared/contract/cases';
import { migrations } from '../electron/database/migrations';
import { Database } from '../electron/database/sqlite';
import { listAggressions } from '../electron/repositories/aggression-repository';
import { listCases } from '../electron/repositories/case-list-query';
import { listCaseParts } from '../electron/repositories/case-part-repository';
import { getCaseRecord } from '../electron/repositories/case-repository';
import { searchCases } from '../electron/repositories/case-search';
import { caseTimeline } from '../electron/repositories/case-timeline';
import { KDF_MINIMUM } from '../electron/vault/kdf';
import { writeDemoData } from '../scripts/demo/generate';
import { openOrCreateVault } from '../scripts/demo/open-vault';
import { percentile, type PrintFigure } from './print';

const CASES = Number(process.env['BENCH_CASES'] ?? 100_000);
const RUNS = 200;
/** The passphrase of the benches' demo vaults (never a real one). */
export const BENCH_PASSPHRASE = 'frase de prueba solo para el banco de pruebas';
const PASSPHRASE = BENCH_PASSPHRASE;

const PAGE_QUERIES: Omit<CaseListInput, 'limit' | 'offset'>[] = [
  { country: 'GT', status: ['open', 'monitoring'], sort: 'last_aggression', direction: 'desc' },
  { aggressionType: 'death_threat', sort: 'updated_at', direction: 'desc' },
  {
    perpetratorType: 'police',
    dateFrom: '2020-01-01',
    dateTo: '2023-12-31',
    sort: 'last_aggression',
    direction: 'desc',
  },
  { urgency: ['critical'], country: 'HN', sort: 'urgency', direction: 'desc' },
  { status: ['open'], sort: 'title', direction: 'asc' },
];
const SEARCHES = [
  'radio',
  'fiscalía',
  'Cobán',
  'amenaza de muerte',
  'hidroeléctrica',
  'camioneta placas',
  'Juchitán',
  'desaparecid',
];

/**
 * The generated vault is kept between runs (it takes minutes): a folder per case count and
 * schema version, used only when its marker says generation finished.
 */
export async function casesBenchVault(print: PrintFigure): Promise<string> {
  const schema = migrations.at(-1)?.version ?? 0;
  const dir = join(tmpdir(), `resguardo-bench-cases-${CASES}-s${schema}`);
  const marker = join(dir, 'complete');
  if (process.env['BENCH_FRESH'] !== '1' && (await exists(marker))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  const { db } = await openOrCreateVault(dir, PASSPHRASE, KDF_MINIMUM);
  await writeDemoData(db, { cases: CASES, dataDir: dir });
  await db.exec('PRAGMA optimize');
  print('cases.demo.generate', (performance.now() - started) / 1000, 's');
  // The unencrypted twin, for the side-by-side baseline only (FACTS.md). Never outside benches.
  await db.exec(`ATTACH DATABASE '${join(dir, 'plain.db')}' AS p KEY ''`);
  await db.get("SELECT sqlcipher_export('p')");
  await db.exec('DETACH DATABASE p');
  await db.close();
  await writeFile(marker, new Date().toISOString());
  return dir;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The plain copy, opened with the same pragmas as the vault (but no key). */
async function openPlain(file: string): Promise<Database> {
  const db = await Database.open(file);
  await db.exec(`PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -262144;`);
  return db;
}

async function time(samples: number[], work: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await work();
  samples.push(performance.now() - start);
}

interface Timings {
  page: number[];
  search: number[];
  open: number[];
}

async function measure(db: Database, caseIds: string[]): Promise<Timings> {
  const timings: Timings = { page: [], search: [], open: [] };
  // One untimed pass: the first touch reads pages from disk; the figures are for a warm session.
  const all = async (record: boolean) => {
    for (let i = 0; i < RUNS; i++) {
      const query = PAGE_QUERIES[i % PAGE_QUERIES.length]!;
      const page = () => listCases(db, { ...query, limit: 50, offset: (i % 4) * 50 });
      const search = () => searchCases(db, SEARCHES[i % SEARCHES.length]!, 20);
      const id = caseIds[i % caseIds.length]!;
      const open = async () => {
        await getCaseRecord(db, id);
        await listAggressions(db, id);
        await listCaseParts(db, id);
        await caseTimeline(db, id);
      };
      if (!record) {
        await page();
        await search();
        await open();
        continue;
      }
      await time(timings.page, page);
      await time(timings.search, search);
      await time(timings.open, open);
    }
  };
  await all(false);
  await all(true);
  return timings;
}

/**
 * `bench cases.*`: on CASES demo cases, a filtered sorted page of 50 (with its total count), an
 * FTS search (20 cases with snippets), opening a case with its timeline — in the encrypted vault
 * and on an unencrypted copy in the same run, with the ratio of the 95th percentiles.
 */
export async function benchCases(print: PrintFigure): Promise<void> {
  const dir = await casesBenchVault(print);
  print('cases.count', CASES, 'cases');
  print('cases.db.size', (await stat(join(dir, 'resguardo.db'))).size / 2 ** 20, 'MiB');
  const { db: vault } = await openOrCreateVault(dir, PASSPHRASE, KDF_MINIMUM);
  const plain = await openPlain(join(dir, 'plain.db'));
  try {
    const rows = await vault.all('SELECT id FROM cases ORDER BY random() LIMIT ?', [RUNS]);
    const caseIds = rows.map((r) => String(r['id']));
    const encrypted = await measure(vault, caseIds);
    const baseline = await measure(plain, caseIds);
    for (const name of ['page', 'search', 'open'] as const) {
      const p95 = percentile(encrypted[name], 95);
      const plainP95 = percentile(baseline[name], 95);
      print(`cases.${name}.p50`, percentile(encrypted[name], 50), 'ms');
      print(`cases.${name}.p95`, p95, 'ms');
      print(`cases.${name}.plain.p50`, percentile(baseline[name], 50), 'ms');
      print(`cases.${name}.plain.p95`, plainP95, 'ms');
      print(`cases.${name}.ratio`, p95 / plainP95, 'x');
    }
  } finally {
    await vault.close();
    await plain.close();
  }
}
