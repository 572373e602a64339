import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceDir, evidenceFile, STAGING_PREFIX } from '../../electron/evidence/evidence-paths';
import {
  decryptEvidenceTo,
  decryptEvidenceToMemory,
  storeEvidence,
  sweepEvidenceFolder,
} from '../../electron/evidence/evidence-store';
import { tempDir } from './support/temp-dir';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function stored(size: number) {
  const dir = await tempDir();
  const source = join(dir, 'original.bin');
  const data = randomBytes(size);
  await writeFile(source, data);
  const item = await storeEvidence(dir, source);
  return { dir, data, item };
}

describe('evidence storage', () => {
  it('round-trips files of awkward sizes (empty, one chunk exactly, one byte over)', async () => {
    for (const size of [0, 1, 65_536, 65_537, 200_000]) {
      const { dir, data, item } = await stored(size);
      expect(item.sha256).toBe(sha(data));
      expect(item.size).toBe(size);
      const encrypted = await readFile(evidenceFile(dir, item.fileId));
      if (size >= 32) expect(encrypted.includes(data.subarray(0, 32))).toBe(false);
      const out = join(dir, 'copy.bin');
      expect((await decryptEvidenceTo(dir, item, out)).hashOk).toBe(true);
      expect((await readFile(out)).equals(data)).toBe(true);
      expect(Buffer.from((await decryptEvidenceToMemory(dir, item))!).equals(data)).toBe(true);
    }
  });

  it('detects a flipped byte, a truncated file, a dropped last chunk and the wrong key', async () => {
    const { dir, item } = await stored(200_000);
    const file = evidenceFile(dir, item.fileId);
    const pristine = await readFile(file);
    const attempts: [string, () => Promise<void>, typeof item][] = [
      [
        'flipped byte',
        async () => {
          const copy = Buffer.from(pristine);
          copy[100_000] = copy[100_000]! ^ 1;
          await writeFile(file, copy);
        },
        item,
      ],
      ['truncated mid-chunk', () => truncate(file, pristine.length - 10), item],
      // Cut exactly at a chunk boundary: the new last chunk was not sealed as last.
      ['dropped last chunk', () => truncate(file, 15 + 2 * (65_536 + 16)), item],
      ['wrong key', () => writeFile(file, pristine), { ...item, fileKey: randomBytes(32) }],
    ];
    for (const [label, damage, ref] of attempts) {
      await writeFile(file, pristine);
      await damage();
      const out = join(dir, `copy-${label}.bin`);
      expect((await decryptEvidenceTo(dir, ref, out)).hashOk, label).toBe(false);
      expect(await decryptEvidenceToMemory(dir, ref), label).toBeNull();
      // No half copy left behind.
      expect(
        (await readdir(dir)).filter((n) => n.includes('copy-')),
        label,
      ).toEqual([]);
    }
  });

  it('leaves nothing behind when an intake is cancelled', async () => {
    const dir = await tempDir();
    const source = join(dir, 'big.bin');
    const handle = await open(source, 'w');
    for (let i = 0; i < 32; i++) await handle.write(randomBytes(1024 * 1024));
    await handle.close();
    const controller = new AbortController();
    let progressed = 0;
    const attempt = storeEvidence(dir, source, {
      signal: controller.signal,
      onProgress: (done) => {
        progressed = done;
        controller.abort();
      },
    });
    await expect(attempt).rejects.toThrow('cancelled');
    expect(progressed).toBeGreaterThan(0);
    expect(await readdir(evidenceDir(dir))).toEqual([]);
  });

  it('sweeps files left without a key by an interrupted intake or import', async () => {
    const { dir, item } = await stored(10);
    const orphan = await storeEvidence(dir, join(dir, 'original.bin'));
    await writeFile(join(evidenceDir(dir), `${'a'.repeat(32)}.part`), 'x');
    // An import stopped by a crash leaves its staging folder.
    const staging = `${STAGING_PREFIX}0123456789abcdef`;
    await mkdir(join(evidenceDir(dir), staging));
    await writeFile(join(evidenceDir(dir), staging, `${'b'.repeat(32)}.part`), 'x');
    expect(await sweepEvidenceFolder(dir, new Set([item.fileId]))).toBe(0);
    // Age the leftovers past the sweep's threshold (file times are coarser than Date.now()).
    const past = new Date(Date.now() - 2 * 60 * 60_000);
    for (const name of [orphan.fileId, `${'a'.repeat(32)}.part`, staging]) {
      await utimes(join(evidenceDir(dir), name), past, past);
    }
    expect(await sweepEvidenceFolder(dir, new Set([item.fileId]))).toBe(3);
    expect(await readdir(evidenceDir(dir))).toEqual([item.fileId]);
    expect(orphan.fileId).not.toBe(item.fileId);
  });
});
