import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../electron/exchange/archive-sink';
import { type ExportPhase, exportToFile } from '../../electron/exchange/export-file';
import { discardVerified, readExport } from '../../electron/exchange/import-reader';
import { type Manifest } from '../../electron/exchange/manifest';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { memorySource, sampleRecords, senderFields } from './support/exchange-files';
import { tempDir } from './support/temp-dir';
import { writtenFile } from './support/written-file';

const evidence = [randomBytes(150_000), randomBytes(70_000)];

/** An export of `size` bytes of evidence, cancelled once `when` says so: no file is left. */
async function cancelledExport(
  size: number,
  when: (phase: ExportPhase, done: number, total: number) => boolean,
) {
  const keys = await generateOfficeKeys();
  const folder = await tempDir();
  const controller = new AbortController();
  const failure = exportToFile({
    source: memorySource(sampleRecords, [randomBytes(size)]),
    fields: { ...(await senderFields(keys)), exportId: randomUUID() },
    keys,
    target: { recipients: [keys.ageRecipient] },
    verifyKey: { identity: keys.ageIdentity },
    folder,
    signal: controller.signal,
    onProgress: (phase, done, total) => {
      if (when(phase, done, total)) controller.abort();
    },
  });
  await expect(failure).rejects.toMatchObject({ code: 'cancelled' });
  expect(await readdir(folder)).toEqual([]);
}

describe('the export file', () => {
  it('splits into parts, joins them on import and brings evidence back byte for byte', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    const spool = await tempDir();
    const exported = await exportToFile({
      source: memorySource(sampleRecords, evidence),
      fields: await senderFields(keys),
      keys,
      target: { recipients: [keys.ageRecipient] },
      verifyKey: { identity: keys.ageIdentity },
      folder,
      splitSize: 64_000,
    });
    expect(exported.paths.length).toBeGreaterThan(3);
    expect((await readdir(folder)).sort()).toEqual(
      exported.paths.map((p) => p.slice(folder.length + 1)).sort(),
    );
    const verified = await readExport(
      exported.paths,
      { identity: keys.ageIdentity },
      spool,
      DEFAULT_LIMITS,
    );
    expect(verified.records).toEqual(sampleRecords);
    expect(verified.evidence).toEqual(
      new Map(
        evidence.map((bytes) => [createHash('sha256').update(bytes).digest('hex'), bytes.length]),
      ),
    );
    // The copy kept for the apply pass is the file itself, still encrypted: no plaintext.
    const [copy, ...others] = await readdir(spool);
    expect(others).toEqual([]);
    const kept = await readFile(`${spool}/${copy}`);
    expect(
      kept.equals(Buffer.concat(await Promise.all(exported.paths.map((p) => readFile(p))))),
    ).toBe(true);
    expect(kept.includes(evidence[0]!.subarray(0, 64))).toBe(false);
    await discardVerified(verified);
    expect(await readdir(spool)).toEqual([]);
  });

  it('is read by the age CLI and checked with tar and sha256sum', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    const exported = await exportToFile({
      source: memorySource(sampleRecords, evidence),
      fields: await senderFields(keys),
      keys,
      target: { recipients: [keys.ageRecipient] },
      verifyKey: { identity: keys.ageIdentity },
      folder,
    });
    await writeFile(`${folder}/key.txt`, `${keys.ageIdentity}\n`, { mode: 0o600 });
    const out = await tempDir();
    const run = (command: string) => execFileSync('sh', ['-c', command], { cwd: out }).toString();
    const listing = run(`age -d -i ${folder}/key.txt ${exported.paths[0]} | tar -t`)
      .trim()
      .split('\n');
    expect(listing[0]).toBe('format.json');
    expect(listing.slice(-2)).toEqual(['manifest.json', 'manifest.sig']);
    run(`age -d -i ${folder}/key.txt ${exported.paths[0]} | tar -x`);
    const manifest = JSON.parse(await readFile(`${out}/manifest.json`, 'utf8')) as Manifest;
    const sums = run(`sha256sum ${manifest.parts.map((p) => p.name).join(' ')}`);
    for (const part of manifest.parts) expect(sums).toContain(`${part.sha256}  ${part.name}`);
  });

  it('is read by the age CLI with the passphrase (typed on a terminal)', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    const passphrase = 'siete garzas cruzan el río de noche';
    const exported = await exportToFile({
      source: memorySource(sampleRecords, []),
      fields: await senderFields(keys),
      keys,
      target: { passphrase },
      verifyKey: { passphrase },
      folder,
    });
    // age reads passphrases only from a terminal: `script` gives it one.
    execFileSync('sh', [
      '-c',
      `(sleep 1; printf '%s\\n' '${passphrase}') | script -qec "age -d -o ${folder}/inner.tar ${exported.paths[0]}" /dev/null`,
    ]);
    const listing = execFileSync('tar', ['-tf', `${folder}/inner.tar`]).toString();
    expect(listing).toContain('manifest.sig');
  });

  it('cancels mid-way and leaves no file', async () => {
    await cancelledExport(3_000_000, (_phase, done) => done > 200_000);
  });

  it('cancels while the file is read back, at its start or mid-way, and leaves no file', async () => {
    for (const after of [0, 1]) {
      let checked = 0;
      let size = 0;
      await cancelledExport(64 * 1024 * 1024, (phase, done, total) => {
        if (phase !== 'verifying') return false;
        [checked, size] = [done, total];
        return done >= after && done < total;
      });
      // It stopped there: most of the file was never read back.
      expect(checked).toBeLessThan(size / 2);
    }
  });

  it('reads the written file back: a changed or missing byte fails the check', async () => {
    const keys = await generateOfficeKeys();
    const { written, headerLength, readBack } = await writtenFile(keys);
    expect(written.parts).toHaveLength(4);
    // Read from the drive (O_DIRECT, on Linux) and through the cache, as on other systems.
    let bypassCache = true;
    const check = (identity = keys.ageIdentity) => readBack({ identity }, bypassCache);
    await check();
    // Another office's key cannot open it: not what we meant to write.
    const other = await generateOfficeKeys();
    await expect(check(other.ageIdentity)).rejects.toMatchObject({ code: 'export_not_verified' });
    // One bit flipped anywhere fails: in the header, in chunk 0 (sealed by the feed thread),
    // chunk 1 (by the seal thread), in a tag, and in the last chunk; flipped back, it passes.
    const sealed = 64 * 1024 + 16;
    const flipAt = async (offset: number) => {
      let part = 0;
      while (offset >= 3_000_000) [part, offset] = [part + 1, offset - 3_000_000];
      const bytes = await readFile(written.parts[part]!);
      bytes[offset]! ^= 0x10;
      await writeFile(written.parts[part]!, bytes);
    };
    const { size } = written;
    for (bypassCache of [true, false]) {
      for (const offset of [
        10,
        headerLength + 100,
        headerLength + sealed + 100,
        headerLength + 2 * sealed - 1,
        size - 1,
      ]) {
        await flipAt(offset);
        // A changed header no longer opens, or is not the one written: refused either way.
        await expect(check()).rejects.toMatchObject({ code: 'export_not_verified' });
        await flipAt(offset);
        await check();
      }
    }
    const fourth = await readFile(written.parts[3]!);
    await writeFile(written.parts[3]!, fourth.subarray(0, fourth.length - 1));
    await expect(check()).rejects.toMatchObject({ code: 'export_not_verified' });
  });

  it('reads the file back once complete: a stick that overwrites an early stretch while writing a later one (as a fake-capacity one does) fails, and no file is left', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    const MiB = 1024 * 1024;
    let flushes = 0;
    // 160 MiB: five stretches of 32 MiB, each flushed while the next ones are written.
    const failure = exportToFile({
      source: memorySource(sampleRecords, [randomBytes(160 * MiB)]),
      fields: await senderFields(keys),
      keys,
      target: { recipients: [keys.ageRecipient] },
      verifyKey: { identity: keys.ageIdentity },
      folder,
      // Flushing the third stretch, the stick also puts some of it over the first one, whose
      // own flush it acknowledged long before.
      syncPart: async (handle) => {
        flushes += 1;
        if (flushes === 3) {
          const later = Buffer.alloc(4096);
          await handle.read(later, 0, later.length, 70 * MiB);
          await handle.write(later, 0, later.length, 1 * MiB);
        }
        await handle.datasync();
      },
    });
    await expect(failure).rejects.toMatchObject({ code: 'export_not_verified' });
    expect(flushes).toBeGreaterThanOrEqual(3);
    expect(await readdir(folder)).toEqual([]);
  });
});
