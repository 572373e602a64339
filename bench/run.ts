import { execFileSync } from 'node:child_process';
import { benchApp } from './app';
import { benchCases } from './cases';
import { benchDashboard } from './dashboard';
import { benchDatabaseDriver } from './database-driver';
import { benchDossier } from './dossier';
import { benchExchange, benchExchangeLarge } from './exchange';
import { benchExchangeRecords } from './exchange-records';
import { printFigure, type PrintFigure } from './print';
import { benchStickListing } from './stick-listing';
import { benchVault } from './vault';

const benches: Record<string, (print: PrintFigure) => Promise<void>> = {
  vault: benchVault,
  cases: benchCases,
  exchange: benchExchange,
  'exchange-2g': benchExchangeLarge,
  'exchange-records': benchExchangeRecords,
  dashboard: benchDashboard,
  'database-driver': benchDatabaseDriver,
  dossier: benchDossier,
  'stick-listing': benchStickListing,
  app: benchApp,
};

/**
 * `npm run bench`: figures to read and compare, never assertions. Each bench runs in its own
 * process, so its peak memory is its own and not what an earlier one left behind.
 * `npm run bench -- exchange` runs one.
 */
async function main(): Promise<void> {
  const [only] = process.argv.slice(2);
  if (only !== undefined) {
    const bench = benches[only];
    if (!bench) throw new Error(`unknown bench: ${only} (${Object.keys(benches).join(', ')})`);
    await bench(printFigure);
    return;
  }
  for (const name of Object.keys(benches)) {
    execFileSync(process.execPath, [...process.execArgv, __filename, name], { stdio: 'inherit' });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
