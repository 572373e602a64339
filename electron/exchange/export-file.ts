import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { type OfficeKeys } from '../office/office-keys';
import { type AgeKey } from './age-reader';
import { type AgeTarget } from './age-header';
import { writeArchive, type ManifestFields } from './archive-writer';
import { DEFAULT_LIMITS } from './archive-sink';
import { createEncryptingWriter, removeParts } from './encrypting-writer';
import { type ExportSource } from './exchange-records';
import { discardVerified, readExport } from './import-reader';
import { type Manifest } from './manifest';
import { totalSize } from './part-files';

/** FAT32 refuses files of 4 GiB and more. */
export const FAT32_SPLIT = 4 * 1024 ** 3 - 1;

export type ExportPhase = 'writing' | 'verifying';

export interface ExportFileOptions {
  source: ExportSource;
  fields: ManifestFields;
  keys: OfficeKeys;
  target: AgeTarget;
  /** How the file is read back to verify it: our own identity, or the passphrase. */
  verifyKey: AgeKey;
  folder: string;
  splitSize?: number;
  signal?: AbortSignal;
  onProgress?: (phase: ExportPhase, done: number, total: number) => void;
}

export interface ExportedFile {
  fileName: string;
  paths: string[];
  size: number;
  manifest: Manifest;
}

/**
 * Write one export: encrypted in a worker under a temporary name, fsynced, renamed to a random,
 * non-identifying name (parts `.001`, `.002`, … past the split size), then read back whole and
 * verified — decrypted, every hash and the signature — before it is reported done. A cancel or
 * a failure at any point leaves no file behind.
 */
export async function exportToFile(options: ExportFileOptions): Promise<ExportedFile> {
  const fileName = `rg-${randomBytes(4).toString('hex')}.age`;
  const tempBase = join(options.folder, `.${fileName}.partial`);
  const splitSize = options.splitSize ?? FAT32_SPLIT;
  const evidenceTotal = (await options.source.evidence()).reduce((sum, b) => sum + b.size, 0);
  let evidenceDone = 0;
  const writer = await createEncryptingWriter({ target: options.target, tempBase, splitSize });
  let finals: string[] = [];
  try {
    const manifest = await writeArchive({
      source: options.source,
      fields: options.fields,
      keys: options.keys,
      write: (bytes) => writer.write(bytes),
      signal: options.signal,
      onEvidenceBytes: (bytes) => {
        evidenceDone += bytes;
        options.onProgress?.('writing', evidenceDone, evidenceTotal);
      },
    });
    const temporary = await writer.end();
    if (options.signal?.aborted) throw new AppFailure('cancelled');
    finals =
      temporary.length === 1
        ? [join(options.folder, fileName)]
        : temporary.map((_, i) =>
            join(options.folder, `${fileName}.${String(i + 1).padStart(3, '0')}`),
          );
    for (const [i, path] of temporary.entries()) await rename(path, finals[i]!);
    await syncFolder(options.folder);
    const size = await totalSize(finals);
    await verifyWritten(finals, size, manifest, options);
    return {
      fileName: finals.length === 1 ? fileName : `${fileName}.001`,
      paths: finals,
      size,
      manifest,
    };
  } catch (error) {
    await writer.abort();
    await removeParts(tempBase);
    await Promise.all(finals.map((path) => rm(path, { force: true })));
    throw error;
  }
}

async function verifyWritten(
  paths: string[],
  size: number,
  manifest: Manifest,
  options: ExportFileOptions,
): Promise<void> {
  let done = 0;
  const verified = await readExport(paths, options.verifyKey, null, DEFAULT_LIMITS, (bytes) => {
    if (options.signal?.aborted) throw new AppFailure('cancelled');
    done += bytes;
    options.onProgress?.('verifying', done, size);
  });
  await discardVerified(verified);
  if (verified.manifest.exportId !== manifest.exportId) throw new AppFailure('exchange_corrupt');
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* fsync of a directory is unsupported on Windows and some file systems */
  }
}
