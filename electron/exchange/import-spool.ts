import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where an import from a removable drive is copied (still encrypted) between its preview and
 * its apply, so the stick may be unplugged meanwhile. Every copy belongs to one pending import
 * of one session: none outlives it.
 */
export const spoolFolder = (dataDir: string) => join(dataDir, 'exchange-spool');

/**
 * Remove everything in the spool. Run when a session ends (lock, quit) and when one starts
 * (unlock): what a killed process left there has no pending import any more, and its key is
 * gone with that process.
 */
export async function sweepSpool(dataDir: string): Promise<number> {
  const folder = spoolFolder(dataDir);
  const names = await readdir(folder).catch(() => []);
  await Promise.all(names.map((name) => rm(join(folder, name), { force: true, recursive: true })));
  return names.length;
}
