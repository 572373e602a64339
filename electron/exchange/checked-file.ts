import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { syncFolder } from '../files/atomic-write';
import { writeFailure } from '../files/io-failure';
import { type AgeKey } from './age-reader';
import { type AgeTarget } from './age-header';
import {
  createEncryptingWriter,
  type EncryptingWriter,
  removeParts,
  type WrittenFile,
} from './encrypting-writer';
import { partName } from './part-files';
import { type SyncPart } from './part-flusher';
import { readBack } from './read-back';

export interface CheckedFileOptions {
  target: AgeTarget;
  /** How the file is read back to check it: our own identity, or the passphrase. */
  verifyKey: AgeKey;
  /** The file's final name: `path` when it is one part, else `path.001`, `.002`, … */
  path: string;
  /** Where the parts are written until they pass: `<tempBase>.001`, … */
  tempBase: string;
  /** Past this size a file is cut in parts (FAT32 sticks). */
  splitSize: number;
  /** How each stretch of a part is flushed (tests slow the drive down, or garble it). */
  syncPart?: SyncPart;
  signal?: AbortSignal;
  /** Bytes read back and found as written so far, of the file's size. */
  onChecked?: (checked: number, size: number) => void;
}

export interface CheckedFile<T> {
  /** What `write` returned. */
  value: T;
  written: WrittenFile;
  /** The parts under their final names. */
  paths: string[];
}

/**
 * An age file written by worker threads under a temporary name and flushed as it grows, read
 * back whole once complete (read-back.ts: from the drive itself where the system allows it),
 * and only once it passed renamed to its final name, the folder fsynced. A cancel or a failure
 * at any point leaves no file behind, neither temporary nor final; a drive that does not give
 * back what it was given fails with `export_not_verified`.
 */
export async function writeCheckedFile<T>(
  options: CheckedFileOptions,
  write: (writer: EncryptingWriter) => Promise<T>,
): Promise<CheckedFile<T>> {
  const { tempBase, splitSize, signal } = options;
  const writer = await createEncryptingWriter({
    target: options.target,
    tempBase,
    splitSize,
    syncPart: options.syncPart,
  });
  const cancel = () => void writer.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  let paths: string[] = [];
  try {
    const value = await write(writer);
    const written = await writer.end();
    if (signal?.aborted) throw new AppFailure('cancelled');
    // The progress turns to checking at once: on a slow stick the first batch takes a while.
    let checked = 0;
    options.onChecked?.(checked, written.size);
    const { header, payloadKey } = writer;
    await readBack(
      { tempBase, splitSize, header, payloadKey, key: options.verifyKey },
      written,
      (bytes) => options.onChecked?.((checked += bytes), written.size),
      signal,
    );
    payloadKey.fill(0);
    const { parts } = written;
    paths =
      parts.length === 1 ? [options.path] : parts.map((_, i) => partName(options.path, i + 1));
    for (const [i, part] of parts.entries()) await rename(part, paths[i]!);
    await syncFolder(dirname(options.path));
    return { value, written, paths };
  } catch (error) {
    await writer.abort();
    await removeParts(tempBase);
    await Promise.all(paths.map((path) => rm(path, { force: true })));
    // Whatever failed after a cancel (its parts removed under the reading threads) is the cancel.
    if (signal?.aborted) throw new AppFailure('cancelled');
    // A drive that filled up, went away or refused the rename: said as such.
    throw writeFailure(error) ?? error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
