import { constants } from 'node:fs';
import { type FileHandle, lstat, open } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';

/*
 * Opening a file someone else put on a drive: a FIFO blocks `open` until a writer comes (and a
 * read until it writes), a device reads for ever, a symlink leads anywhere on this computer, a
 * folder answers EISDIR deep inside a reader. So the entry is opened without following a link
 * and without blocking, and the descriptor itself — not the name, which may change meanwhile —
 * is asked what it is. Windows has neither flag (0): there, names cannot be FIFOs or devices
 * and a link is a reparse point `fstat` still reports as what it is.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** ELOOP: a symlink refused by O_NOFOLLOW; ENXIO: a socket; EISDIR/EINVAL: odd file systems. */
const NOT_A_FILE_CODES = ['ELOOP', 'ENXIO', 'EISDIR', 'EINVAL', 'EMLINK', 'EFTYPE'];

const notAFile = () => new AppFailure('exchange_not_a_file');

/**
 * `path` opened for reading, refused at once with `exchange_not_a_file` unless the opened
 * descriptor is a regular file. On a regular file O_NONBLOCK changes nothing.
 */
export async function openRegularFile(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && NOT_A_FILE_CODES.includes(code)) throw notAFile();
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) throw notAFile();
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Every path opened as `openRegularFile` does; all or none (those opened are closed again). */
export async function openRegularFiles(paths: readonly string[]): Promise<FileHandle[]> {
  const handles: FileHandle[] = [];
  try {
    for (const path of paths) handles.push(await openRegularFile(path));
    return handles;
  } catch (error) {
    await closeAll(handles);
    throw error;
  }
}

export async function closeAll(handles: readonly FileHandle[]): Promise<void> {
  await Promise.allSettled(handles.map((handle) => handle.close()));
}

/** Whether a name in a listing is a regular file, without opening or following it. */
export async function isRegularEntry(path: string): Promise<boolean> {
  return (await lstat(path)).isFile();
}
