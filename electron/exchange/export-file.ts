import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { writeFailure } from '../files/io-failure';
import { type OfficeKeys } from '../office/office-keys';
import { type AgeKey } from './age-reader';
import { type AgeTarget } from './age-header';
import { writeArchive, type ManifestFields } from './archive-writer';
import { createEncryptingWriter, removeParts } from './encrypting-writer';
import { type ExportSource } from './exchange-records';
import { type Manifest } from './manifest';
import { type SyncPart } from './part-flusher';
import { verifyReadBack } from './read-back';

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
  /** How each stretch of a part is flushed (tests slow the drive down). */
  syncPart?: SyncPart;
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
 * Write one export: encrypted by worker threads under a temporary name, fsynced, renamed to a
 * random, non-identifying name (parts `.001`, `.002`, … past the split size), then read back
 * whole and checked against what was written (read-back.ts) before it is reported done. A
 * cancel or a failure at any point leaves no file behind.
 */
export async function exportToFile(options: ExportFileOptions): Promise<ExportedFile> {
  const fileName = `rg-${randomBytes(4).toString('hex')}.age`;
  const tempBase = join(options.folder, `.${fileName}.partial`);
  const splitSize = options.splitSize ?? FAT32_SPLIT;
  const evidenceTotal = (await options.source.evidence()).reduce((sum, b) => sum + b.size, 0);
  let evidenceDone = 0;
  const writer = await createEncryptingWriter({
    target: options.target,
    tempBase,
    splitSize,
    syncPart: options.syncPart,
  });
  const cancel = () => void writer.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  let finals: string[] = [];
  try {
    const manifest = await writeArchive({
      source: options.source,
      fields: options.fields,
      keys: options.keys,
      write: (bytes) => writer.write(bytes),
      writeEvidence: (blob, onBytes) => writer.writeEvidence(blob.source, onBytes),
      signal: options.signal,
      onEvidenceBytes: (bytes) => {
        evidenceDone += bytes;
        options.onProgress?.('writing', evidenceDone, evidenceTotal);
      },
    });
    const written = await writer.end();
    if (options.signal?.aborted) throw new AppFailure('cancelled');
    finals =
      written.parts.length === 1
        ? [join(options.folder, fileName)]
        : written.parts.map((_, i) =>
            join(options.folder, `${fileName}.${String(i + 1).padStart(3, '0')}`),
          );
    for (const [i, path] of written.parts.entries()) await rename(path, finals[i]!);
    await syncFolder(options.folder);
    const sizes = await Promise.all(finals.map(async (path) => (await stat(path)).size));
    let checked = 0;
    await verifyReadBack(
      finals,
      sizes,
      written,
      options.verifyKey,
      (bytes) => {
        checked += bytes;
        options.onProgress?.('verifying', checked, written.size);
      },
      options.signal,
    );
    return {
      fileName: finals.length === 1 ? fileName : `${fileName}.001`,
      paths: finals,
      size: written.size,
      manifest,
    };
  } catch (error) {
    await writer.abort();
    await removeParts(tempBase);
    await Promise.all(finals.map((path) => rm(path, { force: true })));
    // A drive that filled up, went away or refused the rename: said as such.
    throw writeFailure(error) ?? error;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
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
