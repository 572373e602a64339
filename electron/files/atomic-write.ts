import { open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { retryWhileBusy } from './busy-retry';

/**
 * Write a whole file so that a crash leaves either the old or the new content, never half:
 * temporary name, fsync, rename, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await retryWhileBusy(() => rename(temporary, path));
  await syncFolder(dirname(path));
}

/** Makes a rename in `folder` durable; not supported on every platform, so best effort. */
export async function syncFolder(folder: string): Promise<void> {
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
