import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, prepareImport } from '../../electron/exchange/import-session';
import { vaultEvidence } from '../../electron/exchange/vault-evidence';
import { caseWithEvidence, exportFile } from './support/exchange-cases';
import { codeOf, partneredOffices, startOffice, type Office } from './support/exchange-core';
import { withVaultDatabase } from './support/office-harness';
import { STRONG_PASSPHRASE } from './support/test-core';
import { tempDir } from './support/temp-dir';

const STICK = { id: 'd'.repeat(16), label: 'USB', size: 1e9, free: 1e9 };
const spoolOf = (office: Office) => join(office.dir, 'exchange-spool');
const spooled = (office: Office) => readdir(spoolOf(office)).catch(() => []);

/** A file from `from` to `to` (a case with `size` bytes of evidence), put on a stick `to` has. */
async function fileOnStick(from: Office, to: Office, toFingerprint: string, size = 200_000) {
  const sent = await caseWithEvidence(from, 'Amenazas', size);
  const { file } = await exportFile(from, toFingerprint, [sent.caseId]);
  const mountPoint = await tempDir();
  await rename(file, join(mountPoint, basename(file)));
  to.choose.drives = [{ ...STICK, mountPoint }];
  return { drive: STICK.id, name: basename(file) };
}

/** A verified B's card; B knows A's but has not verified it: applying asks for acceptance. */
async function unverifiedPair() {
  const a = await startOffice('Red de Defensoras del Istmo');
  const b = await startOffice('Oficina Tegucigalpa');
  const cardA = await a.op('office.card', {});
  const cardB = await b.op('office.card', {});
  const bInA = await a.op('partners.importCard', { text: cardB.text });
  await a.op('partners.verify', { fingerprint: bInA!.fingerprint });
  await b.op('partners.importCard', { text: cardA.text });
  return { a, b, cardB };
}

describe('the import spool', () => {
  it('holds a copy only while a preview waits: applied or discarded, nothing stays', async () => {
    const { a, b, cardB } = await partneredOffices();
    const first = await b.op('exchange.preview', {
      fromDrive: await fileOnStick(a, b, cardB.fingerprint),
    });
    expect(await spooled(b)).toHaveLength(1);
    await b.op('exchange.apply', { importId: first!.importId, acceptUnverified: false });
    expect(await spooled(b)).toEqual([]);

    const second = await b.op('exchange.preview', {
      fromDrive: await fileOnStick(a, b, cardB.fingerprint),
    });
    expect(await spooled(b)).toHaveLength(1);
    await b.op('exchange.discard', { importId: second!.importId });
    expect(await spooled(b)).toEqual([]);
  });

  it('drops an import whose apply is refused (sender not accepted): no copy, key zeroed', async () => {
    const { a, b, cardB } = await unverifiedPair();
    const preview = await b.op('exchange.preview', {
      fromDrive: await fileOnStick(a, b, cardB.fingerprint),
    });
    expect(preview!.needsAcceptance).toBe(true);
    expect(
      await codeOf(
        b.op('exchange.apply', { importId: preview!.importId, acceptUnverified: false }),
      ),
    ).toBe('exchange_unverified_sender');
    expect(await spooled(b)).toEqual([]);
    // The import is over: nothing is left to apply.
    expect(
      await codeOf(b.op('exchange.apply', { importId: preview!.importId, acceptUnverified: true })),
    ).toBe('not_found');

    // The same refusal, one level down, where the payload key can be seen.
    const fromDrive = await fileOnStick(a, b, cardB.fingerprint);
    const chosen = join(b.choose.drives[0]!.mountPoint, fromDrive.name);
    const spool = await tempDir();
    await withVaultDatabase(b, async (db) => {
      const pending = await prepareImport(db, chosen, 'identity', spool);
      expect(await readdir(spool)).toHaveLength(1);
      const key = pending.verified.file.payloadKey;
      expect(key.some((byte) => byte !== 0)).toBe(true);
      expect(await codeOf(applyImport(db, pending, 'Ana', false, vaultEvidence(b.dir)))).toBe(
        'exchange_unverified_sender',
      );
      expect(key.every((byte) => byte === 0)).toBe(true);
      expect(await readdir(spool)).toEqual([]);
    });
  });

  it('drops a pending preview when the vault locks; it cannot be applied after unlocking', async () => {
    const { a, b, cardB } = await partneredOffices();
    const preview = await b.op('exchange.preview', {
      fromDrive: await fileOnStick(a, b, cardB.fingerprint),
    });
    expect(await spooled(b)).toHaveLength(1);
    await b.op('vault.lock', {});
    expect(await spooled(b)).toEqual([]);
    await b.op('vault.unlock', { passphrase: STRONG_PASSPHRASE });
    expect(
      await codeOf(
        b.op('exchange.apply', { importId: preview!.importId, acceptUnverified: false }),
      ),
    ).toBe('not_found');
  });

  it('drops a preview still being read when the vault locks', async () => {
    const { a, b, cardB } = await partneredOffices();
    const fromDrive = await fileOnStick(a, b, cardB.fingerprint, 12 * 1024 * 1024);
    let locking: Promise<unknown> | null = null;
    b.listeners.push((name, payload) => {
      const { phase, done } = payload as { phase?: string; done?: number };
      if (name === 'exchange.progress' && phase === 'checking' && done! > 0 && !locking) {
        locking = b.op('vault.lock', {});
      }
    });
    const code = await codeOf(b.op('exchange.preview', { jobId: crypto.randomUUID(), fromDrive }));
    await locking;
    expect(code).toBe('locked');
    expect(await spooled(b)).toEqual([]);
  });

  it('is swept at unlock: a copy left by a process killed mid-preview goes', async () => {
    const { b } = await partneredOffices();
    await b.op('vault.lock', {});
    // What a killed preview leaves: a copy half written by a process that no longer exists.
    await mkdir(spoolOf(b), { recursive: true });
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs');
         const fd = fs.openSync(process.argv[1], 'wx', 0o600);
         fs.writeSync(fd, Buffer.alloc(300000, 7));
         process.stdout.write('written');
         setInterval(() => fs.writeSync(fd, Buffer.alloc(1000, 7)), 10);`,
        join(spoolOf(b), 'c'.repeat(32)),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(join(spoolOf(b), 'd'.repeat(32)), 'left over');
    expect(await spooled(b)).toHaveLength(2);
    await b.op('vault.unlock', { passphrase: STRONG_PASSPHRASE });
    expect(await spooled(b)).toEqual([]);
  });
});
