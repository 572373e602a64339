import { mkdir } from 'node:fs/promises';
import { appendAudit } from '../../electron/audit/audit-log';
import { openDatabase } from '../../electron/database/open-database';
import { type Database } from '../../electron/database/sqlite';
import {
  insertOffice,
  RECOVERY_CONFIRMED,
  writeVaultState,
} from '../../electron/repositories/office-repository';
import { KDF_DEFAULT, type KdfParams } from '../../electron/vault/kdf';
import { createVaultFile, openWithPassphrase, vaultExists } from '../../electron/vault/vault';
import { vaultPaths } from '../../electron/vault/vault-paths';

export interface OpenedVault {
  db: Database;
  /** Shown once when the vault was made here: the only way back in without the passphrase. */
  recoveryKey: string | null;
}

/**
 * Open the vault in `dataDir` with its passphrase, or make it (as `vault.create` does: key slots,
 * database, office, audit entry) when the folder has none.
 */
export async function openOrCreateVault(
  dataDir: string,
  passphrase: string,
  kdf: KdfParams = KDF_DEFAULT,
): Promise<OpenedVault> {
  const paths = vaultPaths(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (await vaultExists(paths)) {
    const key = await openWithPassphrase(paths, passphrase);
    try {
      return { db: await openDatabase(paths.databaseFile, key), recoveryKey: null };
    } finally {
      key.fill(0);
    }
  }
  const created = await createVaultFile(paths, passphrase, kdf);
  try {
    const db = await openDatabase(paths.databaseFile, created.databaseKey);
    const office = { officeName: 'Red Mesoamericana (demostración)', displayName: 'Demostración' };
    await db.transaction(async (tx) => {
      await insertOffice(tx, office);
      await writeVaultState(tx, RECOVERY_CONFIRMED, '0');
      await appendAudit(tx, { actor: office.displayName, action: 'create', entity: 'vault' });
    });
    return { db, recoveryKey: created.recoveryKey };
  } finally {
    created.databaseKey.fill(0);
  }
}
