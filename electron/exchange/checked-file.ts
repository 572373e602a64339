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
import { startReadBack } from './read-back';

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
 * back while it is written (read-back.ts: from the drive itself where the system allows it),
 * and only once it passed renamed to its final name, the folder fsynced. A cancel or a failure
 * at any point leaves no file behind, neither temporary nor final; a drive that does not give
 * back what it was given stops the writing at once (`export_not_verified`).
 */
export async function writeCheckedFile<T>(
  options: CheckedFileOptions,
  write: (writer: EncryptingWriter) => Promise<T>,
): Promise<CheckedFile<T>> {
  const { tempBase, splitSize, signal } = options;
  let onFlushed: ((through: number) => void) | null = null;
  const writer = await createEncryptingWriter({
    target: options.target,
    tempBase,
    splitSize,
    syncPart: options.syncPart,
    onFlushed: (through) => onFlushed?.(through),
  });
  const readBack = startReadBack({
    tempBase,
    splitSize,
    header: writer.header,
    payloadKey: writer.payloadKey,
    key: options.verifyKey,
    // A drive that does not give back what it was given: stop writing to it now.
    onFailure: () => void writer.abort(),
  });
  onFlushed = (through) => readBack.flushed(through);
  const cancel = () => void writer.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  let paths: string[] = [];
  try {
    const value = await write(writer);
    const written = await writer.end();
    if (signal?.aborted) throw new AppFailure('cancelled');
    await readBack.finish(
      written,
      () => options.onChecked?.(readBack.checked, written.size),
      signal,
    );
    writer.payloadKey.fill(0);
    const { parts } = written;
    paths =
      parts.length === 1 ? [options.path] : parts.map((_, i) => partName(options.path, i + 1));
    for (const [i, part] of parts.entries()) await rename(part, paths[i]!);
    await syncFolder(dirname(options.path));
    return { value, written, paths };
  } catch (error) {
    await readBack.stop();
    await writer.abort();
    await removeParts(tempBase);
    await Promise.all(paths.map((path) => rm(path, { force: true })));
    // The read-back's failure stopped the writing: it is the reason, not the stop.
    const reason = readBack.failure ?? error;
    // A drive that filled up, went away or refused the rename: said as such.
    throw writeFailure(reason) ?? reason;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
