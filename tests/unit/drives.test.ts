import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDrivePoller } from '../../electron/drives/drive-poller';
import { type DetectedDrive } from '../../electron/drives/drive-types';
import { diskOf, parseProcMounts, removableMounts } from '../../electron/drives/linux-drives';
import { macVolumes } from '../../electron/drives/mac-drives';
import { driveId } from '../../electron/drives/system-drives';

const fixture = (name: string) => readFile(join(__dirname, 'fixtures', 'drives', name), 'utf8');

describe('removable drives on Linux', () => {
  it('reads block-device mounts from /proc/mounts, unescaping spaces', async () => {
    const mounts = parseProcMounts(await fixture('proc-mounts.txt'));
    expect(mounts.map((m) => m.mountPoint)).toEqual([
      '/',
      '/boot/efi',
      '/home',
      '/media/ana/KINGSTON',
      '/run/media/ana/DATOS RED',
      '/mnt/tarjeta',
      '/srv/respaldo',
      '/snap/core22/1380',
    ]);
  });

  it('names the whole disk of a partition, and nothing for mapper or loop devices', () => {
    expect(diskOf('/dev/sdb1')).toBe('sdb');
    expect(diskOf('/dev/sdb')).toBe('sdb');
    expect(diskOf('/dev/mmcblk0p1')).toBe('mmcblk0');
    expect(diskOf('/dev/nvme0n1p2')).toBe('nvme0n1');
    expect(diskOf('/dev/mapper/vg-home')).toBeNull();
    expect(diskOf('/dev/loop3')).toBeNull();
  });

  it('keeps disks the kernel flags removable and what the desktop automounted, never the system disk', async () => {
    const mounts = parseProcMounts(await fixture('proc-mounts.txt'));
    const flagged = new Set(['mmcblk0', 'sdb']);
    const found = removableMounts(mounts, (disk) => flagged.has(disk));
    expect(found.map((m) => [m.device, m.mountPoint])).toEqual([
      ['/dev/sdb1', '/media/ana/KINGSTON'],
      ['/dev/sdc1', '/run/media/ana/DATOS RED'],
      ['/dev/mmcblk0p1', '/mnt/tarjeta'],
    ]);
    // Even a disk flagged removable is not offered when it holds the root file system.
    expect(removableMounts(mounts, () => true).map((m) => m.mountPoint)).not.toContain('/');
  });
});

describe('removable drives on macOS', () => {
  it('lists /Volumes without the startup disk link or hidden entries', () => {
    expect(
      macVolumes([
        { name: 'Macintosh HD', isSymlink: true },
        { name: 'KINGSTON', isSymlink: false },
        { name: '.timemachine', isSymlink: false },
      ]),
    ).toEqual([{ device: 'KINGSTON', mountPoint: '/Volumes/KINGSTON' }]);
  });
});

describe('drive ids and the poller', () => {
  it('gives an opaque id that is stable for one mount and differs between mounts', () => {
    const stick = { device: '/dev/sdb1', mountPoint: '/media/ana/KINGSTON' };
    expect(driveId(stick)).toMatch(/^[0-9a-f]{16}$/);
    expect(driveId(stick)).toBe(driveId({ ...stick }));
    expect(driveId(stick)).not.toBe(driveId({ ...stick, mountPoint: '/media/ana/OTRA' }));
    expect(driveId(stick)).not.toContain('KINGSTON');
  });

  it('emits when a drive is plugged in or out, not when free space changes', async () => {
    const stick: DetectedDrive = {
      id: 'a'.repeat(16),
      label: 'KINGSTON',
      mountPoint: '/media/ana/KINGSTON',
      size: 100,
      free: 50,
    };
    let plugged: DetectedDrive[] = [];
    const changes: string[][] = [];
    const poller = createDrivePoller(
      async () => plugged,
      (drives) => changes.push(drives.map((d) => d.label)),
      10,
    );
    expect(await poller.current()).toEqual([]);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 60));
    plugged = [stick];
    await settle();
    plugged = [{ ...stick, free: 10 }];
    await settle();
    plugged = [];
    await settle();
    poller.stop();
    expect(changes).toEqual([['KINGSTON'], []]);
  });
});
