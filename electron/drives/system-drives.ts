import { readdir, readFile, statfs } from 'node:fs/promises';
import { basename } from 'node:path';
import { driveId } from './drive-id';
import { type DetectedDrive, type Mount } from './drive-types';
import { diskOf, parseProcMounts, removableMounts } from './linux-drives';
import { macVolumes } from './mac-drives';
import { windowsDrives } from './windows-drives';

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
 * How often to look: a read of /proc/mounts or /Volumes is nothing, but on Windows each look
 * starts PowerShell (up to a second of CPU), so there it is every 10 s.
 */
export function drivePollInterval(platform: NodeJS.Platform): number {
  return platform === 'win32' ? 10_000 : 2_000;
}

/**
 * Removable drives on this computer; none on other systems (the user picks a folder, which
 * works on every system).
 */
export async function listSystemDrives(platform: NodeJS.Platform): Promise<DetectedDrive[]> {
  try {
    if (platform === 'linux') return await describeMounts(await linuxMounts());
    if (platform === 'darwin') return await describeMounts(await macMounts());
    // WMI reports sizes itself: no statfs on drive letters.
    if (platform === 'win32') return await windowsDrives();
  } catch {
    // An unreadable /proc or /Volumes, PowerShell missing or timing out: no drives detected,
    // the folder choice still works.
  }
  return [];
}
