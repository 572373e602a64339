import { printFigure } from './print';
import { benchVault } from './vault';

/** `npm run bench`: figures to read and compare, never assertions. */
async function main(): Promise<void> {
  await benchVault(printFigure);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
