import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { syncFolder } from '../files/atomic-write';
import { writeFailure } from '../files/io-failure';
import { type OfficeKeys } from '../office/office-keys';
import { type AgeKey } from './age-reader';
import { type AgeTarget } from './age-header';
import { writeArchive, type ManifestFields } from './archive-writer';
import { createEncryptingWriter, removeParts } from './encrypting-writer';
import { type ExportSource } from './exchange-records';
import { type Manifest } from './manifest';
import { partName } from './part-files';
import { type SyncPart } from './part-flusher';
import { type ReadBack, startReadBack } from './read-back';

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
 * Write one export: encrypted by worker threads under a temporary name and fsynced, read back
 * whole and checked (read-back.ts: each stretch once it is on the disk, the last after the
 * final fsync), then renamed to a random, non-identifying name (parts `.001`, `.002`, … past
 * the split size) and reported done. A cancel or a failure at any point leaves no file behind.
 */
export async function exportToFile(options: ExportFileOptions): Promise<ExportedFile> {
  const fileName = `rg-${randomBytes(4).toString('hex')}.age`;
  const tempBase = join(options.folder, `.${fileName}.partial`);
  const splitSize = options.splitSize ?? FAT32_SPLIT;
  const evidenceTotal = (await options.source.evidence()).reduce((sum, b) => sum + b.size, 0);
  let evidenceDone = 0;
  let readBack: ReadBack | null = null;
  const writer = await createEncryptingWriter({
    target: options.target,
    tempBase,
    splitSize,
    syncPart: options.syncPart,
    onFlushed: (through) => readBack?.flushed(through),
  });
  readBack = startReadBack({
    tempBase,
    splitSize,
    header: writer.header,
    payloadKey: writer.payloadKey,
    key: options.verifyKey,
    // A drive that does not give back what it was given: stop writing to it now.
    onFailure: () => void writer.abort(),
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
    let checked = 0;
    await readBack.finish(
      written,
      (bytes) => {
        checked += bytes;
        options.onProgress?.('verifying', checked, written.size);
      },
      options.signal,
    );
    writer.payloadKey.fill(0);
    const target = join(options.folder, fileName);
    finals =
      written.parts.length === 1 ? [target] : written.parts.map((_, i) => partName(target, i + 1));
    for (const [i, path] of written.parts.entries()) await rename(path, finals[i]!);
    await syncFolder(options.folder);
    return {
      fileName: finals.length === 1 ? fileName : `${fileName}.001`,
      paths: finals,
      size: written.size,
      manifest,
    };
  } catch (error) {
    await readBack.stop();
    await writer.abort();
    await removeParts(tempBase);
    await Promise.all(finals.map((path) => rm(path, { force: true })));
    // The read-back's failure stopped the writing: it is the reason, not the stop.
    const reason = readBack.failure ?? error;
    // A drive that filled up, went away or refused the rename: said as such.
    throw writeFailure(reason) ?? reason;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}
