import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Make sure the data folder exists and takes a write, before the vault is opened: a folder that
 * exists but is read-only (another user's, a read-only mount) is otherwise only found at the
 * first save. Throws the system's error (EACCES, EROFS, ENOSPC…) for classifyStartupFailure.
 */
export async function checkDataFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const probe = join(dir, `.write-check-${randomBytes(6).toString('hex')}`);
  const handle = await open(probe, 'wx', 0o600);
  try {
    await handle.write(Buffer.from('ok'));
    await handle.sync();
  } finally {
    await handle.close();
    await rm(probe, { force: true });
  }
}
