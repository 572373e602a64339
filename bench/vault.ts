import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/database/open-database';
import { KDF_DEFAULT } from '../electron/vault/kdf';
import { createVaultFile, openWithPassphrase } from '../electron/vault/vault';
import { vaultPaths } from '../electron/vault/vault-paths';
import { percentile, type PrintFigure } from './print';

const RUNS = 5;

/** Unlock (Argon2id at the shipped cost) and database open + migrate, as a user meets them. */
export async function benchVault(print: PrintFigure): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'resguardo-bench-'));
  try {
    const paths = vaultPaths(dir);
    const passphrase = 'una frase de acceso larga para medir';
    const created = await createVaultFile(paths, passphrase, KDF_DEFAULT);
    print('vault.kdf.memory', KDF_DEFAULT.memoryKiB / 1024, 'MiB');
    print('vault.kdf.iterations', KDF_DEFAULT.iterations, 'passes');

    const unlocks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      (await openWithPassphrase(paths, passphrase)).fill(0);
      unlocks.push(performance.now() - start);
    }
    print('vault.unlock', percentile(unlocks, 50), 'ms');

    // Event-loop responsiveness during an unlock: the longest gap between 10 ms ticks.
    let worstGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 10);
    (await openWithPassphrase(paths, passphrase)).fill(0);
    clearInterval(ticker);
    print('vault.unlock.event_loop_max_gap', worstGap, 'ms');

    const freshStart = performance.now();
    const fresh = await openDatabase(paths.databaseFile, created.databaseKey);
    print('database.create_and_migrate', performance.now() - freshStart, 'ms');
    await fresh.close();

    const opens: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const db = await openDatabase(paths.databaseFile, created.databaseKey);
      opens.push(performance.now() - start);
      await db.close();
    }
    print('database.open', percentile(opens, 50), 'ms');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
