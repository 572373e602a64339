import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '../electron/database/migrations';
import { Database } from '../electron/database/sqlite';
import { type DateRange } from '../electron/repositories/dashboard-aggregates';
import { dashboardSummary } from '../electron/repositories/dashboard-summary';
import { checkExportConsent } from '../electron/exchange/export-consent';
import { KDF_MINIMUM } from '../electron/vault/kdf';
import { writeDemoData } from '../scripts/demo/generate';
import { openOrCreateVault } from '../scripts/demo/open-vault';
import { writeDemoRisk } from '../scripts/demo/risk-rows';
import { percentile, type PrintFigure } from './print';

const CASES = Number(process.env['BENCH_CASES'] ?? 100_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 100);
const PASSPHRASE = 'frase de prueba solo para el banco de pruebas';
const TODAY = '2026-11-26';

/** The ranges a user picks: everything, the last twelve months, one year long ago. */
const RANGES: Record<string, DateRange> = {
  all: { from: null, to: null },
  year: { from: '2025-11-01', to: '2026-10-31' },
  old: { from: '2016-01-01', to: '2016-12-31' },
};

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * The demo vault (scripts/demo: 100 000 cases took 8 minutes here, on a loaded machine) is kept
 * between runs, one folder per case count; `complete` marks a finished generation. The plain
 * copy is made after the vault is opened (so migrated) and remade when the schema moves.
 */
export async function benchData(print: PrintFigure): Promise<{ dir: string; plainFile: string }> {
  const dir = join(tmpdir(), `resguardo-bench-dashboard-${CASES}`);
  const marker = join(dir, 'complete');
  if (process.env['BENCH_FRESH'] === '1' || !(await exists(marker))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const started = performance.now();
    const { db } = await openOrCreateVault(dir, PASSPHRASE, KDF_MINIMUM);
    await writeDemoData(db, { cases: CASES, dataDir: dir });
    await db.exec('PRAGMA optimize');
    await db.close();
    await writeFile(marker, new Date().toISOString());
    print('dashboard.demo.generate', (performance.now() - started) / 1000, 's');
  }
  const schema = migrations.at(-1)?.version ?? 0;
  const plainFile = join(dir, `plain-s${schema}.db`);
  const { db } = await openOrCreateVault(dir, PASSPHRASE, KDF_MINIMUM);
  try {
    // A vault generated before risk assessments existed gets them now, from the same pools.
    const assessed = await db.get('SELECT count(*) AS n FROM risk_assessments');
    if (Number(assessed?.['n'] ?? 0) === 0) {
      const people = await db.all('SELECT id FROM people ORDER BY rowid');
      const collectives = await db.all('SELECT id FROM collectives ORDER BY rowid');
      await writeDemoRisk(
        db,
        {
          people: people.map((r) => String(r['id'])),
          collectives: collectives.map((r) => String(r['id'])),
        },
        { seed: 2027, actor: 'Datos de demostración' },
      );
      await db.exec('PRAGMA optimize');
    }
    if (!(await exists(plainFile))) {
      // The unencrypted twin, for the side-by-side baseline only (FACTS.md). Never outside benches.
      await db.exec(`ATTACH DATABASE '${plainFile}' AS p KEY ''`);
      await db.get("SELECT sqlcipher_export('p')");
      await db.exec('DETACH DATABASE p');
    }
  } finally {
    await db.close();
  }
  return { dir, plainFile };
}

/** The plain copy, opened with the same pragmas as the vault (but no key). */
async function openPlain(file: string): Promise<Database> {
  const db = await Database.open(file);
  await db.exec(`PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -262144;`);
  return db;
}

async function measure(db: Database): Promise<{ cold: number; samples: Record<string, number[]> }> {
  const samples: Record<string, number[]> = {};
  let start = performance.now();
  await dashboardSummary(db, RANGES['all']!, TODAY);
  const cold = performance.now() - start;
  for (const [name, range] of Object.entries(RANGES)) {
    samples[name] = [];
    await dashboardSummary(db, range, TODAY); // warm this range's pages, untimed
    for (let i = 0; i < RUNS; i++) {
      start = performance.now();
      await dashboardSummary(db, range, TODAY);
      samples[name].push(performance.now() - start);
    }
  }
  return { cold, samples };
}

/**
 * `bench dashboard.*`: `dashboard.summary` (urgent cases, people at risk, reviews, overdue
 * measures and the four aggregates) on CASES demo cases, encrypted vault and plain copy side by
 * side, per date range; `summary.p95` is the all-time range, the slowest. Target: under 100 ms.
 */
export async function benchDashboard(print: PrintFigure): Promise<void> {
  const { dir, plainFile } = await benchData(print);
  const { db: vault } = await openOrCreateVault(dir, PASSPHRASE, KDF_MINIMUM);
  const plain = await openPlain(plainFile);
  try {
    const counts = await vault.get(`SELECT (SELECT count(*) FROM cases) AS cases,
      (SELECT count(*) FROM aggressions) AS acts, (SELECT count(*) FROM risk_assessments) AS risk`);
    print('dashboard.cases', Number(counts?.['cases']), 'cases');
    print('dashboard.aggressions', Number(counts?.['acts']), 'aggressions');
    print('dashboard.assessments', Number(counts?.['risk']), 'assessments');
    print('dashboard.db.size', (await stat(join(dir, 'resguardo.db'))).size / 2 ** 20, 'MiB');
    const encrypted = await measure(vault);
    const baseline = await measure(plain);
    print('dashboard.summary.cold', encrypted.cold, 'ms');
    print('dashboard.summary.plain.cold', baseline.cold, 'ms');
    for (const name of Object.keys(RANGES)) {
      const id = name === 'all' ? 'dashboard.summary' : `dashboard.summary.${name}`;
      const p95 = percentile(encrypted.samples[name]!, 95);
      const plainP95 = percentile(baseline.samples[name]!, 95);
      print(`${id}.p50`, percentile(encrypted.samples[name]!, 50), 'ms');
      print(`${id}.p95`, p95, 'ms');
      print(`${id}.plain.p50`, percentile(baseline.samples[name]!, 50), 'ms');
      print(`${id}.plain.p95`, plainP95, 'ms');
      print(`${id}.ratio`, p95 / plainP95, 'x');
    }
    // What the export form asks when "everything" goes to a partner office: every person and
    // collective, and their consents.
    const checks: number[] = [];
    let check = await checkExportConsent(vault, { all: true });
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      check = await checkExportConsent(vault, { all: true });
      checks.push(performance.now() - start);
    }
    print('exchange.export_check.subjects', check.people + check.collectives, 'subjects');
    print('exchange.export_check.all.p50', percentile(checks, 50), 'ms');
  } finally {
    await vault.close();
    await plain.close();
  }
}
