import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as AtomicWrite from '../../electron/files/atomic-write';
import { AppFailure } from '../../shared/errors';
import { KDF_MINIMUM, type KdfParams } from '../../electron/vault/kdf';
import {
  createVaultFile,
  openWithPassphrase,
  openWithRecoveryKey,
} from '../../electron/vault/vault';
import { vaultPaths } from '../../electron/vault/vault-paths';
import { tempDir } from './support/temp-dir';

const FIXTURES = join(__dirname, 'fixtures', 'vault');

/** A disk that refuses the rewrite (a full or read-only folder), switched on per test. */
const disk = vi.hoisted(() => ({ refuses: false }));
vi.mock('../../electron/files/atomic-write', async (original) => {
  const real = await original<typeof AtomicWrite>();
  return {
    ...real,
    writeFileAtomic: async (...args: Parameters<typeof real.writeFileAtomic>) => {
      if (disk.refuses) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      return real.writeFileAtomic(...args);
    },
  };
});
afterEach(() => {
  disk.refuses = false;
});

/**
 * Made by the slot code of commit ed1994e (associated data built with JSON.stringify(kdf)), with
 * createVaultFile(…, KDF_MINIMUM). It must unlock for ever: every vault made before the canonical
 * binding looks like this one.
 */
const BEFORE = {
  dir: 'before-canonical-ad',
  passphrase: 'cuaderno de la red: marea alta en Tapachula 1987',
  recoveryKey: '1GPB-EERF-9RFV-6GKR-2G5T-HV3W-AH2N-HR77',
  databaseKey: '25c1b3bab89de66d45e7543b1a7c06b35303867caec676f271e30eed2f6c3528',
};

/** Made the same way after the canonical binding (slots marked "binding": 2). */
const AFTER = {
  dir: 'canonical-ad',
  passphrase: 'cuaderno de la red: marea baja en Quetzaltenango 2026',
  recoveryKey: 'G10Z-1EN3-7P71-P6JN-Q4CT-97CS-RRQZ-0W9M',
  databaseKey: 'fc57bd196537350b5eb7c01a5a3d0bce4818774ebd218239afd017b819d3f750',
};

async function copied(fixture: { dir: string }) {
  const dir = await tempDir();
  await copyFile(join(FIXTURES, fixture.dir, 'vault.json'), join(dir, 'vault.json'));
  return vaultPaths(dir);
}

async function slotsOf(file: string) {
  return (
    JSON.parse(await readFile(file, 'utf8')) as { slots: Record<string, { binding?: number }> }
  ).slots;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppFailure ? error.code : `not an AppFailure: ${String(error)}`;
  }
  return 'no error';
}

describe('vault key slots: committed vault files unlock for ever', () => {
  for (const fixture of [BEFORE, AFTER]) {
    it(`${fixture.dir}: the passphrase and the recovery key both give the database key`, async () => {
      const paths = await copied(fixture);
      expect((await openWithPassphrase(paths, fixture.passphrase)).toString('hex')).toBe(
        fixture.databaseKey,
      );
      expect((await openWithRecoveryKey(paths, fixture.recoveryKey)).toString('hex')).toBe(
        fixture.databaseKey,
      );
    });
  }

  it('a slot of today is not rewritten when it is opened', async () => {
    const paths = await copied(AFTER);
    const before = await readFile(paths.vaultFile);
    await openWithPassphrase(paths, AFTER.passphrase);
    expect((await readFile(paths.vaultFile)).equals(before)).toBe(true);
  });
});

describe('vault key slots: an old slot is migrated on its next unlock', () => {
  it('old passphrase slot → unlock → file has the new binding → unlock again works', async () => {
    const paths = await copied(BEFORE);
    const original = await slotsOf(paths.vaultFile);
    expect(original['passphrase']?.binding).toBeUndefined();

    expect((await openWithPassphrase(paths, BEFORE.passphrase)).toString('hex')).toBe(
      BEFORE.databaseKey,
    );
    const migrated = await slotsOf(paths.vaultFile);
    expect(migrated['passphrase']?.binding).toBe(2);
    // Same salt and cost (no second Argon2 run), new nonce and ciphertext.
    expect(migrated['passphrase']).toMatchObject({
      salt: (original['passphrase'] as { salt: string }).salt,
    });
    expect(migrated['passphrase']).not.toEqual(original['passphrase']);
    // The recovery slot's secret was not given: it stays as it was until its own use.
    expect(migrated['recovery']).toEqual(original['recovery']);

    expect((await openWithPassphrase(paths, BEFORE.passphrase)).toString('hex')).toBe(
      BEFORE.databaseKey,
    );
    expect((await openWithRecoveryKey(paths, BEFORE.recoveryKey)).toString('hex')).toBe(
      BEFORE.databaseKey,
    );
    expect((await slotsOf(paths.vaultFile))['recovery']?.binding).toBe(2);
    expect((await openWithRecoveryKey(paths, BEFORE.recoveryKey)).toString('hex')).toBe(
      BEFORE.databaseKey,
    );
  });

  it('a rewrite the disk refuses leaves the unlock working and the old file whole', async () => {
    const paths = await copied(BEFORE);
    const before = await readFile(paths.vaultFile);
    disk.refuses = true;
    expect((await openWithPassphrase(paths, BEFORE.passphrase)).toString('hex')).toBe(
      BEFORE.databaseKey,
    );
    expect((await readFile(paths.vaultFile)).equals(before)).toBe(true);
    // Tried again at the next unlock, once the disk takes it.
    disk.refuses = false;
    await openWithPassphrase(paths, BEFORE.passphrase);
    expect((await slotsOf(paths.vaultFile))['passphrase']?.binding).toBe(2);
  });

  it('a wrong secret on an old slot fails cleanly and changes nothing', async () => {
    const paths = await copied(BEFORE);
    const before = await readFile(paths.vaultFile);
    expect(await codeOf(openWithPassphrase(paths, AFTER.passphrase))).toBe('wrong_secret');
    expect(await codeOf(openWithRecoveryKey(paths, AFTER.recoveryKey))).toBe('wrong_secret');
    expect((await readFile(paths.vaultFile)).equals(before)).toBe(true);
  });

  it('a migrated slot with its binding mark removed is refused, not opened the old way', async () => {
    const paths = await copied(BEFORE);
    await openWithPassphrase(paths, BEFORE.passphrase);
    const vault = JSON.parse(await readFile(paths.vaultFile, 'utf8')) as {
      slots: { passphrase: { binding?: number } };
    };
    delete vault.slots.passphrase.binding;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(paths.vaultFile, JSON.stringify(vault));
    expect(await codeOf(openWithPassphrase(paths, BEFORE.passphrase))).toBe('wrong_secret');
  });
});

describe('vault key slots: the binding does not depend on how the cost object was built', () => {
  it('a cost object with its keys in another order still unlocks', async () => {
    const reordered: KdfParams = {
      parallelism: KDF_MINIMUM.parallelism,
      iterations: KDF_MINIMUM.iterations,
      memoryKiB: KDF_MINIMUM.memoryKiB,
      algorithm: 'argon2id',
    };
    const paths = vaultPaths(await tempDir());
    const created = await createVaultFile(paths, BEFORE.passphrase, reordered);
    expect((await openWithPassphrase(paths, BEFORE.passphrase)).equals(created.databaseKey)).toBe(
      true,
    );
  });
});
