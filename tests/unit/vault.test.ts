import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/database/open-database';
import { KDF_MINIMUM } from '../../electron/vault/kdf';
import { openWithRecoveryKey } from '../../electron/vault/vault';
import { vaultPaths } from '../../electron/vault/vault-paths';
import { tempDir } from './support/temp-dir';
import {
  errorOf,
  OTHER_STRONG_PASSPHRASE,
  startTestCore,
  STRONG_PASSPHRASE,
} from './support/test-core';

const OFFICE = 'Colectiva MARCADOR-OFICINA-7Q2';
const PERSON = 'Documentadora MARCADOR-PERSONA-K9';

async function createdVault() {
  const dir = await tempDir();
  const t = await startTestCore(dir);
  const { recoveryKey } = (await t.call('vault.create', {
    officeName: OFFICE,
    displayName: PERSON,
    passphrase: STRONG_PASSPHRASE,
  })) as { recoveryKey: string };
  return { dir, t, recoveryKey };
}

async function state(t: Awaited<ReturnType<typeof startTestCore>>) {
  return ((await t.call('app.status')) as { state: string }).state;
}

describe('vault', () => {
  it('creates, locks and unlocks with the passphrase', async () => {
    const dir = await tempDir();
    const t = await startTestCore(dir);
    expect(await state(t)).toBe('no_vault');
    const { recoveryKey } = (await t.call('vault.create', {
      officeName: OFFICE,
      displayName: PERSON,
      passphrase: STRONG_PASSPHRASE,
    })) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const status = (await t.call('app.status')) as Record<string, unknown>;
    expect(status).toMatchObject({ state: 'unlocked', recoveryKeyPending: true });
    expect(status['office']).toEqual({ officeName: OFFICE, displayName: PERSON });

    await t.call('vault.lock');
    expect(t.events).toEqual([{ name: 'vault.locked', payload: { reason: 'user' } }]);
    expect(await state(t)).toBe('locked');
    expect(((await t.call('app.status')) as { office: unknown }).office).toBeNull();

    await t.call('vault.unlock', { passphrase: STRONG_PASSPHRASE });
    expect(await state(t)).toBe('unlocked');
  });

  it('refuses a second vault in the same folder', async () => {
    const { t } = await createdVault();
    const error = await errorOf(
      t.call('vault.create', {
        officeName: 'X',
        displayName: 'Y',
        passphrase: OTHER_STRONG_PASSPHRASE,
      }),
    );
    expect(error.code).toBe('vault_exists');
  });

  it('refuses a weak passphrase with a reason, on the main side too', async () => {
    const t = await startTestCore(await tempDir());
    const short = await errorOf(
      t.call('vault.create', { officeName: 'A', displayName: 'B', passphrase: 'corta' }),
    );
    expect(short).toMatchObject({
      code: 'weak_passphrase',
      fields: { passphrase: 'passphrase.too_short' },
    });
    const common = await errorOf(
      t.call('vault.create', { officeName: 'A', displayName: 'B', passphrase: 'password1234' }),
    );
    expect(common.fields?.['passphrase']).toBe('passphrase.too_guessable');
    expect(await state(t)).toBe('no_vault');
  });

  it('says a wrong passphrase is wrong, and makes the next try wait after repeated failures', async () => {
    const { dir, t } = await createdVault();
    await t.call('vault.lock');
    const first = await errorOf(
      t.call('vault.unlock', { passphrase: 'not the passphrase at all' }),
    );
    expect(first).toMatchObject({ code: 'wrong_secret', retryAfterMs: 0 });
    await errorOf(t.call('vault.unlock', { passphrase: 'still not the passphrase' }));
    const third = await errorOf(t.call('vault.unlock', { passphrase: 'wrong a third time' }));
    expect(third.code).toBe('wrong_secret');
    expect(third.retryAfterMs).toBeGreaterThan(0);
    // Even the right passphrase must wait now…
    const waiting = await errorOf(t.call('vault.unlock', { passphrase: STRONG_PASSPHRASE }));
    expect(waiting.code).toBe('throttled');
    // …and a restart of the app does not reset the wait.
    const restarted = await startTestCore(dir);
    const status = (await restarted.call('app.status')) as { unlockDelayMs: number };
    expect(status.unlockDelayMs).toBeGreaterThan(0);
    expect(
      (await errorOf(restarted.call('vault.unlock', { passphrase: STRONG_PASSPHRASE }))).code,
    ).toBe('throttled');
  });

  it('unlocks with the recovery key and sets a new passphrase', async () => {
    const { dir, t, recoveryKey } = await createdVault();
    await t.call('vault.lock');
    // People type it in lower case, with spaces instead of dashes.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ');
    await t.call('vault.recover', { recoveryKey: typed, newPassphrase: OTHER_STRONG_PASSPHRASE });
    expect(await state(t)).toBe('unlocked');
    await t.call('vault.lock');
    expect((await errorOf(t.call('vault.unlock', { passphrase: STRONG_PASSPHRASE }))).code).toBe(
      'wrong_secret',
    );
    await startTestCore(dir); // a second core on the folder sees the same slots
    await t.call('vault.unlock', { passphrase: OTHER_STRONG_PASSPHRASE });
    expect(await state(t)).toBe('unlocked');
  });

  it('refuses a wrong recovery key', async () => {
    const { t } = await createdVault();
    await t.call('vault.lock');
    const error = await errorOf(
      t.call('vault.recover', {
        recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
        newPassphrase: OTHER_STRONG_PASSPHRASE,
      }),
    );
    expect(error.code).toBe('wrong_secret');
    expect(await state(t)).toBe('locked');
  });

  it('changes the passphrase by rewrapping one slot, never re-keying the database', async () => {
    const { dir, t, recoveryKey } = await createdVault();
    const paths = vaultPaths(dir);
    const keyBefore = await openWithRecoveryKey(paths, recoveryKey);
    const vaultBefore = JSON.parse(await readFile(paths.vaultFile, 'utf8')) as {
      slots: Record<string, unknown>;
    };
    const wrong = await errorOf(
      t.call('vault.changePassphrase', {
        currentPassphrase: 'not it at all, no',
        newPassphrase: OTHER_STRONG_PASSPHRASE,
      }),
    );
    expect(wrong.code).toBe('wrong_secret');
    await t.call('vault.changePassphrase', {
      currentPassphrase: STRONG_PASSPHRASE,
      newPassphrase: OTHER_STRONG_PASSPHRASE,
    });
    const vaultAfter = JSON.parse(await readFile(paths.vaultFile, 'utf8')) as {
      slots: Record<string, unknown>;
    };
    expect(vaultAfter.slots['recovery']).toEqual(vaultBefore.slots['recovery']);
    expect(vaultAfter.slots['passphrase']).not.toEqual(vaultBefore.slots['passphrase']);
    expect((await openWithRecoveryKey(paths, recoveryKey)).equals(keyBefore)).toBe(true);
    await t.call('vault.lock');
    await t.call('vault.unlock', { passphrase: OTHER_STRONG_PASSPHRASE });
  });

  it('keeps the recovery key pending until a group of it is retyped, and copies it for 30 s only', async () => {
    const { t, recoveryKey } = await createdVault();
    await t.call('vault.copyRecoveryKey');
    expect(t.clipboard.text).toBe(recoveryKey);
    const groups = recoveryKey.split('-');
    const mismatch = await errorOf(
      t.call('vault.confirmRecoveryKey', { groupIndex: 2, group: 'ZZZZ' }),
    );
    expect(mismatch.code).toBe('recovery_mismatch');
    await t.call('vault.confirmRecoveryKey', { groupIndex: 2, group: groups[2]?.toLowerCase() });
    expect(
      ((await t.call('app.status')) as { recoveryKeyPending: boolean }).recoveryKeyPending,
    ).toBe(false);
    // Once confirmed, main no longer holds the key at all.
    expect((await errorOf(t.call('vault.copyRecoveryKey'))).code).toBe('recovery_not_pending');
  });

  it('replaces an unconfirmed recovery key with a new one after a restart', async () => {
    const { dir, t, recoveryKey } = await createdVault();
    await t.core.close();
    const again = await startTestCore(dir);
    await again.call('vault.unlock', { passphrase: STRONG_PASSPHRASE });
    expect(
      ((await again.call('app.status')) as { recoveryKeyPending: boolean }).recoveryKeyPending,
    ).toBe(true);
    const { recoveryKey: fresh } = (await again.call('vault.newRecoveryKey')) as {
      recoveryKey: string;
    };
    expect(fresh).not.toBe(recoveryKey);
    await again.call('vault.lock');
    expect(
      (
        await errorOf(
          again.call('vault.recover', { recoveryKey, newPassphrase: OTHER_STRONG_PASSPHRASE }),
        )
      ).code,
    ).toBe('wrong_secret');
    await again.call('vault.recover', {
      recoveryKey: fresh,
      newPassphrase: OTHER_STRONG_PASSPHRASE,
    });
  });

  it('refuses a tampered or truncated vault file with a clear error', async () => {
    const { dir, t } = await createdVault();
    await t.call('vault.lock');
    const paths = vaultPaths(dir);
    const original = await readFile(paths.vaultFile, 'utf8');
    const unlockWith = async (text: string) => {
      await writeFile(paths.vaultFile, text);
      return (await errorOf(t.call('vault.unlock', { passphrase: STRONG_PASSPHRASE }))).code;
    };
    expect(await unlockWith(original.slice(0, original.length / 2))).toBe('vault_corrupt');
    expect(await unlockWith('')).toBe('vault_corrupt');
    expect(await unlockWith(randomBytes(300).toString('latin1'))).toBe('vault_corrupt');

    const parsed = JSON.parse(original) as {
      slots: Record<string, { kdf: Record<string, unknown>; wrappedKey: string }>;
    };
    const downgraded = structuredClone(parsed);
    downgraded.slots['passphrase']!.kdf['memoryKiB'] = 1024;
    expect(await unlockWith(JSON.stringify(downgraded))).toBe('vault_kdf_too_weak');

    // Raising the cost is not a downgrade, but the parameters are bound to the slot: it must not open.
    const edited = structuredClone(parsed);
    edited.slots['passphrase']!.kdf['iterations'] = Number(KDF_MINIMUM.iterations) + 1;
    expect(await unlockWith(JSON.stringify(edited))).toBe('wrong_secret');

    const flipped = structuredClone(parsed);
    const wrapped = Buffer.from(flipped.slots['passphrase']!.wrappedKey, 'base64');
    wrapped[3] = wrapped[3]! ^ 0x01;
    flipped.slots['passphrase']!.wrappedKey = wrapped.toString('base64');
    expect(await unlockWith(JSON.stringify(flipped))).toBe('wrong_secret');

    await writeFile(paths.vaultFile, original);
    await t.call('vault.unlock', { passphrase: STRONG_PASSPHRASE });
  });

  it('writes no plaintext to disk, and the database opens with no other key', async () => {
    const { dir, t } = await createdVault();
    await t.call('vault.lock');
    for (const name of await readdir(dir)) {
      const bytes = await readFile(join(dir, name));
      expect(bytes.includes('MARCADOR-OFICINA-7Q2'), name).toBe(false);
      expect(bytes.includes('MARCADOR-PERSONA-K9'), name).toBe(false);
    }
    const database = await readFile(vaultPaths(dir).databaseFile);
    expect(database.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const wrongKey = await openDatabase(vaultPaths(dir).databaseFile, randomBytes(32)).then(
      () => 'opened',
      (error: unknown) => (error instanceof Error ? error.message : 'failed'),
    );
    expect(wrongKey).toBe('database_corrupt');
  });
});
