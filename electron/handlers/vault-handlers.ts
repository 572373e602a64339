import { rename, rm, access } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { type ClipboardAdapter, type Log } from '../core/adapters';
import { appendAudit } from '../audit/audit-log';
import { type CoreContext, requireSession } from '../core/context';
import { assertStrongPassphrase } from '../core/passphrase-check';
import { endSession } from '../core/session';
import { type Handlers } from '../ipc/dispatcher';
import { ensureOfficeKeys } from '../office/office-keys';
import {
  insertOffice,
  readVaultState,
  RECOVERY_CONFIRMED,
  writeVaultState,
} from '../repositories/office-repository';
import {
  generateRecoveryKey,
  normalizeRecoveryKey,
  recoveryKeyGroups,
} from '../vault/recovery-key';
import {
  createVaultFile,
  openWithPassphrase,
  openWithRecoveryKey,
  replaceSlot,
  vaultExists,
} from '../vault/vault';
import { startSession, throttledKeyAttempt } from './unlock';

const CLIPBOARD_CLEAR_MS = 30_000;

type VaultHandlers = Pick<
  Handlers,
  | 'app.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.recover'
  | 'vault.lock'
  | 'vault.changePassphrase'
  | 'vault.newRecoveryKey'
  | 'vault.copyRecoveryKey'
  | 'vault.confirmRecoveryKey'
>;

export function vaultHandlers(context: CoreContext): VaultHandlers {
  return {
    'app.status': async () => {
      const { language, idleMinutes } = context.preferences.get();
      const session = context.session;
      if (session) {
        const confirmed = (await readVaultState(session.db, RECOVERY_CONFIRMED)) === '1';
        return {
          state: 'unlocked',
          language,
          idleMinutes,
          unlockDelayMs: 0,
          office: { officeName: session.officeName, displayName: session.displayName },
          recoveryKeyPending: !confirmed,
        };
      }
      const exists = await vaultExists(context.paths);
      return {
        state: exists ? 'locked' : 'no_vault',
        language,
        idleMinutes,
        unlockDelayMs: exists ? await context.throttle.remainingDelay() : 0,
        office: null,
        recoveryKeyPending: false,
      };
    },

    'vault.create': (input) =>
      context.serial(async () => {
        assertStrongPassphrase('passphrase', input.passphrase, [
          input.officeName,
          input.displayName,
        ]);
        if (await vaultExists(context.paths)) throw new AppFailure('vault_exists');
        await setAsideOrphanDatabase(context.paths.databaseFile);
        const created = await createVaultFile(context.paths, input.passphrase, context.kdf);
        try {
          const session = await startSession(context, created.databaseKey);
          await session.db.transaction(async (tx) => {
            await insertOffice(tx, input);
            await ensureOfficeKeys(tx);
            await writeVaultState(tx, RECOVERY_CONFIRMED, '0');
            await appendAudit(tx, { actor: input.displayName, action: 'create', entity: 'vault' });
          });
          Object.assign(session, {
            officeName: input.officeName,
            displayName: input.displayName,
            pendingRecoveryKey: created.recoveryKey,
          });
          return { recoveryKey: created.recoveryKey };
        } catch (error) {
          // Leave nothing half-made: without its vault file the database can never be opened.
          if (context.session) await endSession(context.session).catch(() => undefined);
          context.session = null;
          created.databaseKey.fill(0);
          await rm(context.paths.vaultFile, { force: true });
          await rm(context.paths.databaseFile, { force: true });
          throw error;
        }
      }),

    'vault.unlock': (input) =>
      context.serial(async () => {
        if (context.session) return {};
        if (!(await vaultExists(context.paths))) throw new AppFailure('no_vault');
        const key = await throttledKeyAttempt(context, () =>
          openWithPassphrase(context.paths, input.passphrase),
        );
        await startSession(context, key);
        return {};
      }),

    'vault.recover': (input) =>
      context.serial(async () => {
        if (!(await vaultExists(context.paths))) throw new AppFailure('no_vault');
        // Check what can be checked before spending an attempt; names are known once unlocked.
        assertStrongPassphrase('newPassphrase', input.newPassphrase, []);
        const key = await throttledKeyAttempt(context, () =>
          openWithRecoveryKey(context.paths, input.recoveryKey),
        );
        const wasUnlocked = context.session !== null;
        const session = context.session ?? (await startSession(context, key));
        if (wasUnlocked) key.fill(0);
        try {
          assertStrongPassphrase('newPassphrase', input.newPassphrase, [
            session.officeName,
            session.displayName,
          ]);
        } catch (error) {
          if (!wasUnlocked) {
            await endSession(session);
            context.session = null;
          }
          throw error;
        }
        await replaceSlot(
          context.paths,
          'passphrase',
          input.newPassphrase,
          session.databaseKey,
          context.kdf,
        );
        await session.db.transaction((tx) =>
          appendAudit(tx, { actor: session.displayName, action: 'recover', entity: 'vault' }),
        );
        return {};
      }),

    'vault.lock': async () => {
      await context.lock('user');
      return {};
    },

    'vault.changePassphrase': (input) =>
      context.serial(async () => {
        const session = requireSession(context);
        assertStrongPassphrase('newPassphrase', input.newPassphrase, [
          session.officeName,
          session.displayName,
        ]);
        const key = await throttledKeyAttempt(context, () =>
          openWithPassphrase(context.paths, input.currentPassphrase),
        );
        key.fill(0);
        await replaceSlot(
          context.paths,
          'passphrase',
          input.newPassphrase,
          session.databaseKey,
          context.kdf,
        );
        await session.db.transaction((tx) =>
          appendAudit(tx, {
            actor: session.displayName,
            action: 'change_passphrase',
            entity: 'vault',
          }),
        );
        return {};
      }),

    'vault.newRecoveryKey': () =>
      context.serial(async () => {
        const session = requireSession(context);
        const recoveryKey = generateRecoveryKey();
        await replaceSlot(context.paths, 'recovery', recoveryKey, session.databaseKey, context.kdf);
        await session.db.transaction(async (tx) => {
          await writeVaultState(tx, RECOVERY_CONFIRMED, '0');
          await appendAudit(tx, {
            actor: session.displayName,
            action: 'new_recovery_key',
            entity: 'vault',
          });
        });
        session.pendingRecoveryKey = recoveryKey;
        return { recoveryKey };
      }),

    'vault.copyRecoveryKey': async () => {
      const secret = requireSession(context).pendingRecoveryKey;
      if (!secret) throw new AppFailure('recovery_not_pending');
      const { clipboard } = context.adapters;
      await clipboard.writeText(secret);
      // Clear it only if it still holds the key: never wipe something else the user copied since.
      setTimeout(() => {
        void clearIfUnchanged(clipboard, secret, context.adapters.log);
      }, CLIPBOARD_CLEAR_MS).unref();
      return {};
    },

    'vault.confirmRecoveryKey': async (input) => {
      const session = requireSession(context);
      if (!session.pendingRecoveryKey) throw new AppFailure('recovery_not_pending');
      const expected = recoveryKeyGroups(session.pendingRecoveryKey)[input.groupIndex];
      if (expected === undefined || normalizeRecoveryKey(input.group) !== expected) {
        throw new AppFailure('recovery_mismatch', { fields: { group: 'validation.mismatch' } });
      }
      await session.db.transaction(async (tx) => {
        await writeVaultState(tx, RECOVERY_CONFIRMED, '1');
        await appendAudit(tx, {
          actor: session.displayName,
          action: 'confirm_recovery_key',
          entity: 'vault',
        });
      });
      session.pendingRecoveryKey = null;
      return {};
    },
  };
}

async function clearIfUnchanged(
  clipboard: ClipboardAdapter,
  secret: string,
  log: Log,
): Promise<void> {
  try {
    if ((await clipboard.readText()) === secret) await clipboard.writeText('');
  } catch (error) {
    log('clipboard clear failed', { error: error instanceof Error ? error.message : 'unknown' });
  }
}

/** A database without a vault file is the remains of an interrupted creation: keep it, aside. */
async function setAsideOrphanDatabase(file: string): Promise<void> {
  try {
    await access(file);
  } catch {
    return;
  }
  await rename(file, `${file}.orphaned-${Date.now()}`);
}
