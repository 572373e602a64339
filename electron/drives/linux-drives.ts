import { type Mount } from './drive-types';

/** `/proc/mounts` escapes space, tab, newline and backslash in paths as octal (`\040`). */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  );
}

/** Mounts of block devices (`/dev/…`), in file order; pseudo file systems are left out. */
export function parseProcMounts(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [device, mountPoint] = line.trim().split(/\s+/);
    if (!device?.startsWith('/dev/') || !mountPoint) continue;
    mounts.push({ device: unescapeMountField(device), mountPoint: unescapeMountField(mountPoint) });
  }
  return mounts;
}

/**
 * The whole disk a partition belongs to, as named in `/sys/block`: sdb1 → sdb,
 * mmcblk0p1 → mmcblk0, nvme0n1p2 → nvme0n1. Null for device-mapper, loop and other names
 * that are not a disk's partition.
 */
export function diskOf(device: string): string | null {
  const name = device.replace(/^\/dev\//, '');
  if (/^(sd[a-z]+|vd[a-z]+|hd[a-z]+)\d*$/.test(name)) return name.replace(/\d+$/, '');
  const numbered = /^((?:mmcblk|nvme\d+n)\d+)(?:p\d+)?$/.exec(name);
  return numbered?.[1] ?? null;
}

/** Desktop automounters put removable media here (udisks2: /media/<user>, /run/media/<user>). */
const AUTOMOUNT = /^\/(?:run\/)?media\//;

/**
 * Removable drives among the mounts: the kernel flags the disk removable (`/sys/block/<disk>/
 * removable` is 1; card readers, most sticks), or the desktop automounted it under /media (USB
 * disks that report 0 but were plugged in). The system's own disks are neither.
 */
export function removableMounts(
  mounts: readonly Mount[],
  isRemovableDisk: (disk: string) => boolean,
): Mount[] {
  const seen = new Set<string>();
  return mounts.filter((mount) => {
    if (seen.has(mount.mountPoint) || mount.mountPoint === '/') return false;
    const disk = diskOf(mount.device);
    if (disk === null) return false;
    const removable = isRemovableDisk(disk) || AUTOMOUNT.test(mount.mountPoint);
    if (removable) seen.add(mount.mountPoint);
    return removable;
  });
}
