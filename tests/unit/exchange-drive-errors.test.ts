import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptingWriter } from '../../electron/exchange/encrypting-writer';
import { writeFileAtomic } from '../../electron/files/atomic-write';
import { rethrowWriteFailure, writeFailure } from '../../electron/files/io-failure';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { caseWithEvidence, exportFile } from './support/exchange-cases';
import { partneredOffices } from './support/exchange-core';
import { encryptTo, innerArchive, memorySource, sampleRecords } from './support/exchange-files';
import { tempDir } from './support/temp-dir';

const MiB = 1024 * 1024;

/** An error as Node's file functions throw it. */
function fsError(code: string, syscall: string): Error {
  return Object.assign(new Error(`${code}: ${syscall}`), { code, syscall });
}

/**
 * Run a fixture in a process that may write files of 2 MiB at most (`prlimit --fsize`): past
 * that, writes fail with EFBIG, as a full drive fails with ENOSPC. Its last line, parsed.
 */
function underFileLimit(fixture: string, args: string[]): unknown {
  const output = execFileSync(
    'prlimit',
    [
      `--fsize=${2 * MiB}`,
      process.execPath,
      '--import',
      'tsx',
      join(__dirname, 'fixtures', fixture),
      ...args,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

async function writeWhileFlushFails(error: Error): Promise<{ code: unknown; left: string[] }> {
  const keys = await generateOfficeKeys();
  const folder = await tempDir();
  const writer = await createEncryptingWriter({
    target: { recipients: [keys.ageRecipient] },
    tempBase: `${folder}/x`,
    splitSize: 1024 * MiB,
    syncPart: async () => {
      throw error;
    },
  });
  let code: unknown = null;
  try {
    for (let i = 0; i < 24; i++) await writer.write(randomBytes(4 * MiB));
    await writer.end();
  } catch (failure) {
    code = (failure as { code?: unknown }).code;
    await writer.abort();
  }
  return { code, left: await readdir(folder) };
}

describe('a drive that fails while an export is written', () => {
  it('says a full drive is full, and one that fails cannot be written, leaving nothing', async () => {
    expect(await writeWhileFlushFails(fsError('ENOSPC', 'fdatasync'))).toEqual({
      code: 'drive_full',
      left: [],
    });
    expect(await writeWhileFlushFails(fsError('EIO', 'fdatasync'))).toEqual({
      code: 'file_unwritable',
      left: [],
    });
  });

  it('reports a real file-system refusal in the writing thread as a full drive', async () => {
    const folder = await tempDir();
    // The process may write files of 2 MiB at most: the third MiB of the export fails (EFBIG).
    expect(underFileLimit('write-past-limit.ts', [folder])).toEqual({
      code: 'drive_full',
      left: [],
    });
  });

  it("says this computer's disk is full when an import's evidence cannot be stored", async () => {
    const folder = await tempDir();
    const store = await tempDir();
    const keys = await generateOfficeKeys();
    const evidence = randomBytes(3 * MiB);
    const { tar } = await innerArchive(memorySource(sampleRecords, [evidence]));
    const file = await encryptTo(keys.ageRecipient, tar, folder);
    const sha256 = createHash('sha256').update(evidence).digest('hex');
    // Files of 2 MiB at most: the stored copy of 3 MiB fails while it is written (EFBIG).
    expect(underFileLimit('store-past-limit.ts', [file, keys.ageIdentity, store, sha256])).toEqual({
      code: 'disk_full',
      left: [],
    });
  });

  it("says this computer's disk is full when applying an import read in place", async () => {
    const { a, b, cardB } = await partneredOffices();
    const sent = await caseWithEvidence(a, 'Amenazas', 3 * MiB);
    const { file } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
    await b.op('vault.lock', {});
    // Checked, then applied with files of 2 MiB at most: "the file changed" would be wrong.
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'fixtures', 'apply-past-limit.ts'), b.dir, file],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual({
      code: 'disk_full',
      cases: 0,
      evidence: [],
    });
  });

  it('says the same of a card, a dossier or statistics saved where the user chose', async () => {
    const gone = join(await tempDir(), 'unplugged', 'office-card.json');
    await expect(writeFileAtomic(gone, 'card').catch(rethrowWriteFailure)).rejects.toMatchObject({
      code: 'file_unwritable',
    });
    // Anything that is not a file-system error is left as it is.
    expect(writeFailure(new Error('not a file error'))).toBeNull();
  });
});
