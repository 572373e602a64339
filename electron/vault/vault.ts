import { randomBytes, randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { KEY_LENGTH, type KdfParams } from './kdf';
import { unwrapDatabaseKey, wrapDatabaseKey } from './key-slot';
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { readVaultFile, writeVaultFile, type SlotKind } from './vault-file';
import { type VaultPaths } from './vault-paths';

export async function vaultExists(paths: VaultPaths): Promise<boolean> {
  try {
    await access(paths.vaultFile);
    return true;
  } catch {
    return false;
  }
}

export interface NewVault {
  vaultId: string;
  /** Random 256-bit SQLCipher key. The caller must zero it when the session locks. */
  databaseKey: Buffer;
  recoveryKey: string;
}

/** Make the database key and its two slots. The database itself is created by the caller. */
export async function createVaultFile(
  paths: VaultPaths,
  passphrase: string,
  kdf: KdfParams,
): Promise<NewVault> {
  if (await vaultExists(paths)) throw new AppFailure('vault_exists');
  const vaultId = randomUUID();
  const databaseKey = randomBytes(KEY_LENGTH);
  const recoveryKey = generateRecoveryKey();
  const [passphraseSlot, recoverySlot] = await Promise.all([
    wrapDatabaseKey(vaultId, 'passphrase', passphrase, databaseKey, kdf),
    wrapDatabaseKey(vaultId, 'recovery', normalizeRecoveryKey(recoveryKey), databaseKey, kdf),
  ]);
  await writeVaultFile(paths.vaultFile, {
    format: 'resguardo-vault',
    version: 1,
    vaultId,
    slots: { passphrase: passphraseSlot, recovery: recoverySlot },
  });
  return { vaultId, databaseKey, recoveryKey };
}

export async function openWithPassphrase(paths: VaultPaths, passphrase: string): Promise<Buffer> {
  return openSlot(paths, 'passphrase', passphrase);
}

export async function openWithRecoveryKey(paths: VaultPaths, recoveryKey: string): Promise<Buffer> {
  return openSlot(paths, 'recovery', normalizeRecoveryKey(recoveryKey));
}

/**
 * A slot written under an older binding is rewritten (atomically) under the current one as it is
 * opened. Only the opened slot can be: the other one's secret is not here, so it waits for its
 * own next use. A failed rewrite is left for the next unlock; the unlock itself goes on.
 */
async function openSlot(paths: VaultPaths, kind: SlotKind, secret: string): Promise<Buffer> {
  const vault = await readVaultFile(paths.vaultFile);
  const { databaseKey, upgraded } = await unwrapDatabaseKey(
    vault.vaultId,
    kind,
    secret,
    vault.slots[kind],
  );
  if (upgraded !== null) {
    await writeVaultFile(paths.vaultFile, {
      ...vault,
      slots: { ...vault.slots, [kind]: upgraded },
    }).catch(() => undefined);
  }
  return databaseKey;
}

/** Rewrap one slot under a new secret. The database is never re-encrypted. */
export async function replaceSlot(
  paths: VaultPaths,
  kind: SlotKind,
  secret: string,
  databaseKey: Buffer,
  kdf: KdfParams,
): Promise<void> {
  const vault = await readVaultFile(paths.vaultFile);
  const normalized = kind === 'recovery' ? normalizeRecoveryKey(secret) : secret;
  const slot = await wrapDatabaseKey(vault.vaultId, kind, normalized, databaseKey, kdf);
  await writeVaultFile(paths.vaultFile, { ...vault, slots: { ...vault.slots, [kind]: slot } });
}
