import { createHash } from 'node:crypto';
import { readdir, readFile, statfs } from 'node:fs/promises';
import { basename } from 'node:path';
import { type DetectedDrive, type Mount } from './drive-types';
import { diskOf, parseProcMounts, removableMounts } from './linux-drives';
import { macVolumes } from './mac-drives';

async function linuxMounts(): Promise<Mount[]> {
  const mounts = parseProcMounts(await readFile('/proc/mounts', 'utf8'));
  const flags = new Map<string, boolean>();
  const removable = async (disk: string) => {
    try {
      return (await readFile(`/sys/block/${disk}/removable`, 'utf8')).trim() === '1';
    } catch {
      return false;
    }
  };
  for (const mount of mounts) {
    const disk = diskOf(mount.device);
    if (disk !== null && !flags.has(disk)) flags.set(disk, await removable(disk));
  }
  return removableMounts(mounts, (disk) => flags.get(disk) === true);
}

async function macMounts(): Promise<Mount[]> {
  const entries = await readdir('/Volumes', { withFileTypes: true });
  return macVolumes(entries.map((e) => ({ name: e.name, isSymlink: e.isSymbolicLink() })));
}

/** Stable for one drive at one place; reveals neither the path nor the device to the renderer. */
export function driveId(mount: Mount): string {
  return createHash('sha256')
    .update(`${mount.device}\0${mount.mountPoint}`)
    .digest('hex')
    .slice(0, 16);
}

export async function describeMounts(mounts: readonly Mount[]): Promise<DetectedDrive[]> {
  return Promise.all(
    mounts.map(async (mount) => {
      const space = await statfs(mount.mountPoint).catch(() => null);
      return {
        id: driveId(mount),
        label: basename(mount.mountPoint) || mount.mountPoint,
        mountPoint: mount.mountPoint,
        size: space ? space.blocks * space.bsize : null,
        free: space ? space.bavail * space.bsize : null,
      };
    }),
  );
}

/**
 * Removable drives on this computer. Windows is not handled yet (an empty list: the user picks
 * a folder, which works on every system).
 */
export async function listSystemDrives(platform: NodeJS.Platform): Promise<DetectedDrive[]> {
  try {
    if (platform === 'linux') return await describeMounts(await linuxMounts());
    if (platform === 'darwin') return await describeMounts(await macMounts());
  } catch {
    // An unreadable /proc or /Volumes: no drives detected, the folder choice still works.
  }
  return [];
}
