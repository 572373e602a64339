import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceFile } from '../../electron/evidence/evidence-paths';
import { storeEvidence } from '../../electron/evidence/evidence-store';
import { createEncryptingWriter } from '../../electron/exchange/encrypting-writer';
import { type EvidenceBlob } from '../../electron/exchange/exchange-records';
import { exportToFile } from '../../electron/exchange/export-file';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { sampleRecords, senderFields } from './support/exchange-files';
import { tempDir } from './support/temp-dir';

const MiB = 1024 * 1024;

/*
 * The feed thread frees each buffer it is done with, 32 at a time (discarder-source.ts); a freed
 * buffer's length reads 0. What it reports must be counted before that.
 */
describe("the export's feed thread", () => {
  it('reports every byte of vault evidence as written', async () => {
    const keys = await generateOfficeKeys();
    const dataDir = await tempDir();
    const folder = await tempDir();
    const blobs: EvidenceBlob[] = [];
    // 48 and 33 chunks of 64 KiB: each item crosses a batch of 32 freed buffers.
    for (const size of [3 * MiB, 2 * MiB + 12_345]) {
      const plain = join(dataDir, `plain-${size}`);
      await writeFile(plain, randomBytes(size));
      const stored = await storeEvidence(dataDir, plain);
      blobs.push({
        sha256: stored.sha256,
        size: stored.size,
        source: {
          kind: 'vault',
          path: evidenceFile(dataDir, stored.fileId),
          fileId: stored.fileId,
          key: stored.fileKey,
          size: stored.size,
        },
      });
    }
    const total = blobs.reduce((sum, blob) => sum + blob.size, 0);
    const written: number[] = [];
    await exportToFile({
      source: {
        records: async function* () {
          yield* sampleRecords;
        },
        evidence: async () => blobs,
      },
      fields: await senderFields(keys),
      keys,
      target: { recipients: [keys.ageRecipient] },
      verifyKey: { identity: keys.ageIdentity },
      folder,
      onProgress: (phase, done, of) => {
        if (phase !== 'writing') return;
        expect(of).toBe(total);
        written.push(done);
      },
    });
    expect(written.at(-1)).toBe(total);
    expect(written).toEqual([...written].sort((a, b) => a - b));
  });

  it('takes any amount of archive bytes from main without stalling', async () => {
    const keys = await generateOfficeKeys();
    const folder = await tempDir();
    const writer = await createEncryptingWriter({
      target: { recipients: [keys.ageRecipient] },
      tempBase: join(folder, 'x'),
      splitSize: 1024 * MiB,
    });
    // 320 pieces of 1 MiB: had every 32nd gone unacknowledged, 10 MiB would never leave the
    // 8 MiB window, and this would wait forever.
    const piece = randomBytes(MiB);
    for (let i = 0; i < 320; i++) await writer.write(piece);
    const result = await writer.end();
    writer.payloadKey.fill(0);
    expect(result.size).toBeGreaterThan(320 * MiB);
  }, 30_000);
});
