import { type Mount } from './drive-types';

/**
 * macOS mounts every volume under /Volumes; the startup disk appears there as a symbolic link
 * to `/`, which is left out. Disk images count as drives too: an export written to one is as
 * good as to a stick, and telling them apart needs `diskutil`, which is slow to call on a poll.
 */
export function macVolumes(entries: readonly { name: string; isSymlink: boolean }[]): Mount[] {
  return entries
    .filter((entry) => !entry.isSymlink && !entry.name.startsWith('.'))
    .map((entry) => ({ device: entry.name, mountPoint: `/Volumes/${entry.name}` }));
}
