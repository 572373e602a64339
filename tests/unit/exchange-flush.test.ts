import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createEncryptingWriter } from '../../electron/exchange/encrypting-writer';
import { readBack } from '../../electron/exchange/read-back';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { tempDir } from './support/temp-dir';

const MiB = 1024 * 1024;

describe('flushing while an export is written', () => {
  it('never runs more than two stretches ahead of the disk, and flushes every stretch', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    // A drive that takes its time: no flush ends until the test lets it.
    let flushes = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const writer = await createEncryptingWriter({
      target: { recipients: [keys.ageRecipient] },
      tempBase: `${folder}/x`,
      splitSize: 1024 * MiB,
      syncPart: async (handle) => {
        flushes += 1;
        await gate;
        await handle.datasync();
      },
    });
    const piece = randomBytes(4 * MiB);
    let fed = 0;
    const feeding = (async () => {
      for (; fed < 160 * MiB; fed += piece.length) await writer.write(piece);
    })();

    // The threads stop at the end of the second stretch of 32 MiB while the first is still
    // being flushed (flushes run one at a time).
    await expect.poll(() => flushes, { timeout: 20_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(flushes).toBe(1);
    const onDisk = (await stat(`${folder}/x.001`)).size;
    expect(onDisk).toBeGreaterThanOrEqual(64 * MiB);
    expect(onDisk).toBeLessThan(65 * MiB);
    // Only what the ring and the window hold is taken from the caller meanwhile.
    expect(fed).toBeLessThan(100 * MiB);

    open();
    await feeding;
    const written = await writer.end();
    expect(flushes).toBe(5);
    const size = (await stat(written.parts[0]!)).size;
    expect(size).toBe(written.size);
    // Read back once complete: the bytes reported as checked add up to the file.
    const reported: number[] = [];
    await readBack(
      {
        tempBase: `${folder}/x`,
        splitSize: 1024 * MiB,
        header: writer.header,
        payloadKey: writer.payloadKey,
        key: { identity: keys.ageIdentity },
      },
      written,
      (bytes) => reported.push(bytes),
    );
    expect(reported.length).toBeGreaterThan(10);
    expect(reported.reduce((sum, bytes) => sum + bytes, 0)).toBe(size);
  });
});
