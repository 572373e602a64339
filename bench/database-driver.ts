import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type DriverName } from '../electron/database/driver-choice';
import { openDatabase } from '../electron/database/open-database';
import { type Database } from '../electron/database/sqlite';
import { listCases } from '../electron/repositories/case-list-query';
import { searchCases } from '../electron/repositories/case-search';
import { dashboardSummary } from '../electron/repositories/dashboard-summary';
import { openWithPassphrase } from '../electron/vault/vault';
import { vaultPaths } from '../electron/vault/vault-paths';
import { benchData } from './dashboard';
import { percentile, type PrintFigure } from './print';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);
const PASSPHRASE = 'frase de prueba solo para el banco de pruebas';
const TODAY = '2026-11-26';
const SEARCHES = ['radio', 'fiscalía', 'Cobán', 'amenaza de muerte', 'Juchitán', 'desaparecid'];

interface Figures {
  page: number;
  search: number;
  dashboard: number;
  /** The longest the event loop waited during the dashboard queries, in ms. */
  loopDelayMax: number;
}

async function p95(work: (i: number) => Promise<unknown>): Promise<number> {
  await work(0); // warm the pages, untimed
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return percentile(samples, 95);
}

async function measure(db: Database): Promise<Figures> {
  const page = await p95((i) =>
    listCases(db, {
      status: ['open', 'monitoring'],
      sort: 'last_aggression',
      direction: 'desc',
      limit: 50,
      offset: (i % 4) * 50,
    }),
  );
  const search = await p95((i) => searchCases(db, SEARCHES[i % SEARCHES.length]!, 20));
  const all = { from: null, to: null };
  await dashboardSummary(db, all, TODAY);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const dashboard = await p95(() => dashboardSummary(db, all, TODAY));
  delay.disable();
  return { page, search, dashboard, loopDelayMax: delay.max / 1e6 };
}

/**
 * `bench database.*`: the same queries on the 100 000-case demo vault (the dashboard bench's)
 * through each SQLCipher driver, one after the other, and the second's p95 over the first's
 * (`database.driver_ratio.*`, goal ≤ 1.5); with the main loop's longest wait during the dashboard.
 */
export async function benchDatabaseDriver(print: PrintFigure): Promise<void> {
  const { dir } = await benchData(print);
  const paths = vaultPaths(dir);
  const figures: Partial<Record<DriverName, Figures>> = {};
  for (const driver of ['journeyapps', 'signal'] as const) {
    const key = await openWithPassphrase(paths, PASSPHRASE);
    const db = await openDatabase(paths.databaseFile, key, { driver }).finally(() => key.fill(0));
    try {
      const measured = await measure(db);
      figures[driver] = measured;
      print(`database.${driver}.page.p95`, measured.page, 'ms');
      print(`database.${driver}.search.p95`, measured.search, 'ms');
      print(`database.${driver}.dashboard.p95`, measured.dashboard, 'ms');
      print(`database.${driver}.dashboard.loop_delay_max`, measured.loopDelayMax, 'ms');
    } finally {
      await db.close();
    }
  }
  const first = figures.journeyapps!;
  const second = figures.signal!;
  print('database.driver_ratio.page', second.page / first.page, 'x');
  print('database.driver_ratio.search', second.search / first.search, 'x');
  print('database.driver_ratio.dashboard', second.dashboard / first.dashboard, 'x');
}
