import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createEncryptingWriter } from '../../electron/exchange/encrypting-writer';
import { type ReadBack, startReadBack } from '../../electron/exchange/read-back';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { tempDir } from './support/temp-dir';

const MiB = 1024 * 1024;

describe('flushing while an export is written', () => {
  it('never runs more than two stretches ahead of the disk, flushes every stretch and reads each back once flushed', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    // A drive that takes its time: no flush ends until the test lets it.
    let flushes = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let readBack: ReadBack | null = null;
    const writer = await createEncryptingWriter({
      target: { recipients: [keys.ageRecipient] },
      tempBase: `${folder}/x`,
      splitSize: 1024 * MiB,
      syncPart: async (handle) => {
        flushes += 1;
        await gate;
        await handle.datasync();
      },
      onFlushed: (through) => readBack?.flushed(through),
    });
    readBack = startReadBack({
      tempBase: `${folder}/x`,
      splitSize: 1024 * MiB,
      header: writer.header,
      payloadKey: writer.payloadKey,
      key: { identity: keys.ageIdentity },
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
    // Nothing is read back before it is on the disk.
    expect(readBack.checked).toBe(0);

    open();
    // Read back while the rest is written, once the first stretch is flushed.
    await expect.poll(() => readBack.checked, { timeout: 20_000 }).toBeGreaterThan(0);
    await feeding;
    const written = await writer.end();
    expect(flushes).toBe(5);
    const size = (await stat(written.parts[0]!)).size;
    expect(size).toBe(written.size);
    const reported: number[] = [];
    await readBack.finish(written, (bytes) => reported.push(bytes));
    expect(reported[0]).toBeGreaterThan(0);
    expect(reported.reduce((sum, bytes) => sum + bytes, 0)).toBe(size);
    expect(readBack.checked).toBe(size);
  });
});
