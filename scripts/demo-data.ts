/**
 * `tsx scripts/demo-data.ts --data <dir> --cases N --passphrase <p> [--seed S]`
 * Writes a fictional, realistic data set into the vault in <dir> (made if missing). For demos
 * and benchmarks only: every person, place name pairing and event in it is invented.
 */
import { parseArgs } from 'node:util';
import { writeDemoData } from './demo/generate';
import { openOrCreateVault } from './demo/open-vault';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      cases: { type: 'string', default: '1000' },
      passphrase: { type: 'string' },
      seed: { type: 'string', default: '2026' },
    },
  });
  const cases = Number(values.cases);
  if (!values.data || !values.passphrase || !Number.isInteger(cases) || cases < 1) {
    console.error('usage: demo-data --data <dir> --cases N --passphrase <passphrase> [--seed S]');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const { db, recoveryKey } = await openOrCreateVault(values.data, values.passphrase);
  if (recoveryKey) console.log(`vault created; recovery key (demo only): ${recoveryKey}`);
  try {
    let lastReport = 0;
    await writeDemoData(db, {
      cases,
      dataDir: values.data,
      seed: Number(values.seed),
      onProgress: (written) => {
        if (written - lastReport >= 10_000 || written === cases) {
          lastReport = written;
          const seconds = (performance.now() - started) / 1000;
          console.log(`${written} cases written (${seconds.toFixed(1)} s)`);
        }
      },
    });
    // Let the query planner know the shape of the data (list filters pick better indexes).
    await db.exec('PRAGMA optimize');
  } finally {
    await db.close();
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
