import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type OfficeKeys } from '../office/office-keys';
import { type AgeKey } from './age-reader';
import { type AgeTarget } from './age-header';
import { writeArchive, type ManifestFields } from './archive-writer';
import { writeCheckedFile } from './checked-file';
import { type ExportSource } from './exchange-records';
import { type Manifest } from './manifest';
import { type SyncPart } from './part-flusher';

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
 * Write one export under a random, non-identifying name (parts `.001`, `.002`, … past the
 * split size), read back and checked before it takes that name (checked-file.ts). A cancel or
 * a failure at any point leaves no file behind.
 */
export async function exportToFile(options: ExportFileOptions): Promise<ExportedFile> {
  const fileName = `rg-${randomBytes(4).toString('hex')}.age`;
  const evidenceTotal = (await options.source.evidence()).reduce((sum, b) => sum + b.size, 0);
  let evidenceDone = 0;
  const {
    value: manifest,
    written,
    paths,
  } = await writeCheckedFile(
    {
      target: options.target,
      verifyKey: options.verifyKey,
      path: join(options.folder, fileName),
      tempBase: join(options.folder, `.${fileName}.partial`),
      splitSize: options.splitSize ?? FAT32_SPLIT,
      syncPart: options.syncPart,
      signal: options.signal,
      onChecked: (checked, size) => options.onProgress?.('verifying', checked, size),
    },
    (writer) =>
      writeArchive({
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
      }),
  );
  return {
    fileName: paths.length === 1 ? fileName : `${fileName}.001`,
    paths,
    size: written.size,
    manifest,
  };
}
