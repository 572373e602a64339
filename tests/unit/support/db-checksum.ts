import { createHash } from 'node:crypto';
import { openDatabase } from '../../../electron/database/open-database';
import { openWithPassphrase } from '../../../electron/vault/vault';
import { vaultPaths } from '../../../electron/vault/vault-paths';
import { type Office } from './exchange-core';
import { STRONG_PASSPHRASE } from './test-core';

/**
 * SHA-256 of every table's rows, read with the vault key: proof that nothing was written. Locks
 * and unlocks the office (a pending import is dropped).
 */
export async function checksum(office: Office): Promise<string> {
  await office.op('vault.lock', {});
  const key = await openWithPassphrase(vaultPaths(office.dir), STRONG_PASSPHRASE);
  const db = await openDatabase(vaultPaths(office.dir).databaseFile, key);
  const hash = createHash('sha256');
  const tables = await db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  for (const { name } of tables) {
    hash.update(String(name));
    const rows = await db.all(`SELECT * FROM "${String(name)}"`);
    hash.update(JSON.stringify(rows.map((row) => JSON.stringify(row)).sort()));
  }
  await db.close();
  await office.op('vault.unlock', { passphrase: STRONG_PASSPHRASE });
  return hash.digest('hex');
}
