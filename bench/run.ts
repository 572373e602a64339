import { benchCases } from './cases';
import { benchDashboard } from './dashboard';
import { benchDossier } from './dossier';
import { benchExchange } from './exchange';
import { printFigure } from './print';
import { benchVault } from './vault';

/** `npm run bench`: figures to read and compare, never assertions. */
async function main(): Promise<void> {
  await benchVault(printFigure);
  await benchCases(printFigure);
  await benchExchange(printFigure);
  await benchDashboard(printFigure);
  await benchDossier(printFigure);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
