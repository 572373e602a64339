import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driveId } from '../../electron/drives/drive-id';
import { createDrivePoller } from '../../electron/drives/drive-poller';
import { type DetectedDrive } from '../../electron/drives/drive-types';
import { diskOf, parseProcMounts, removableMounts } from '../../electron/drives/linux-drives';
import { macVolumes } from '../../electron/drives/mac-drives';
import {
  parseWindowsDrives,
  powershellPath,
  type RunFile,
  windowsDrives,
} from '../../electron/drives/windows-drives';

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

describe('removable drives on Windows', () => {
  const GB = 1024 ** 3;
  const kingston = { DeviceID: 'E:', VolumeName: 'KINGSTON', Size: 16 * GB, FreeSpace: 9 * GB };

  it('reads one drive (ConvertTo-Json gives an object, not an array)', () => {
    expect(parseWindowsDrives(JSON.stringify(kingston))).toEqual([
      {
        id: driveId({ device: 'E:', mountPoint: 'E:\\' }),
        label: 'KINGSTON',
        mountPoint: 'E:\\',
        size: 16 * GB,
        free: 9 * GB,
      },
    ]);
  });

  it('reads several, naming an unnamed volume by its letter, with a BOM and CRLF around', () => {
    const output = `\uFEFF${JSON.stringify([
      kingston,
      { DeviceID: 'F:', VolumeName: '', Size: 64 * GB, FreeSpace: 60 * GB },
      { DeviceID: 'G:', VolumeName: null, Size: 2 * GB, FreeSpace: null },
      { DeviceID: 'H:', VolumeName: 'DATOS AÑO', Size: 8 * GB, FreeSpace: 1 * GB },
    ])}\r\n`;
    const drives = parseWindowsDrives(output);
    expect(drives.map((d) => [d.label, d.mountPoint, d.size, d.free])).toEqual([
      ['KINGSTON', 'E:\\', 16 * GB, 9 * GB],
      ['F:', 'F:\\', 64 * GB, 60 * GB],
      ['G:', 'G:\\', 2 * GB, null],
      ['DATOS AÑO', 'H:\\', 8 * GB, 1 * GB],
    ]);
    expect(new Set(drives.map((d) => d.id)).size).toBe(4);
    for (const drive of drives) expect(drive.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives no drives for empty output, or output that is not JSON', () => {
    for (const output of [
      '',
      '  \r\n',
      'null',
      '[]',
      '{"DeviceID":',
      'Get-CimInstance : Acceso denegado',
    ]) {
      expect(parseWindowsDrives(output), output).toEqual([]);
    }
  });

  it('leaves out a card reader without a card (no size: nothing to write to)', () => {
    const empty = { DeviceID: 'D:', VolumeName: null, Size: null, FreeSpace: null };
    expect(parseWindowsDrives(JSON.stringify([empty, kingston])).map((d) => d.label)).toEqual([
      'KINGSTON',
    ]);
  });

  it('refuses hostile entries and keeps the plausible ones', () => {
    const hostile = [
      { ...kingston, DeviceID: 'C:\\Windows' },
      { ...kingston, DeviceID: '..\\..\\' },
      { ...kingston, DeviceID: '\\\\server\\share' },
      { ...kingston, DeviceID: 'E:' },
      { ...kingston, DeviceID: 'EE:' },
      { ...kingston, DeviceID: 5 },
      { ...kingston, DeviceID: 'J:', Size: -1 },
      { ...kingston, DeviceID: 'K:', Size: '17179869184' },
      { ...kingston, DeviceID: 'L:', Size: 1e300 },
      { ...kingston, DeviceID: 'M:', Size: 1.5 },
      { ...kingston, DeviceID: 'N:', VolumeName: { toString: 'x' } },
      'E:',
      null,
      [kingston],
      { ...kingston, DeviceID: 'e:', VolumeName: 'SECOND E' },
    ];
    const drives = parseWindowsDrives(JSON.stringify(hostile));
    // Only the one real E: survives: a repeated letter (in any case) is not a second drive.
    expect(drives.map((d) => [d.label, d.mountPoint])).toEqual([['KINGSTON', 'E:\\']]);
  });

  it('strips control and direction-changing characters from labels, and caps their length', () => {
    const tricky = [
      { ...kingston, DeviceID: 'E:', VolumeName: 'USB\u202Egpj.exe' },
      { ...kingston, DeviceID: 'F:', VolumeName: '\u0000\u001b[31m\u200b ' },
      { ...kingston, DeviceID: 'G:', VolumeName: 'x'.repeat(10_000) },
      { ...kingston, DeviceID: 'H:', FreeSpace: 32 * GB },
    ];
    const drives = parseWindowsDrives(JSON.stringify(tricky));
    expect(drives.map((d) => d.label)).toEqual(['USBgpj.exe', '[31m', 'x'.repeat(64), 'KINGSTON']);
    // More free than the whole drive is not believed.
    expect(drives[3]?.free).toBeNull();
  });

  it('runs Windows PowerShell by absolute path, without a profile, hidden, with a timeout', async () => {
    const calls: Parameters<RunFile>[] = [];
    const run: RunFile = (...args) => {
      calls.push(args);
      return Promise.resolve(JSON.stringify(kingston));
    };
    const drives = await windowsDrives(run, 'D:\\WINNT');
    expect(drives.map((d) => d.label)).toEqual(['KINGSTON']);
    const [file, args, options] = calls[0] ?? [];
    expect(file).toBe('D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(args?.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    expect(args?.[3]).toContain("Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2'");
    expect(args?.[3]).toContain('ConvertTo-Json -Compress');
    expect(options).toMatchObject({ windowsHide: true });
    expect(options?.timeout).toBeGreaterThan(0);
    // A SystemRoot that is not an absolute drive path is not trusted.
    expect(powershellPath(undefined)).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(powershellPath('.\\evil')).toMatch(/^C:\\Windows\\/);
  });

  it('passes a failed run on to listSystemDrives, whose catch offers no drives', async () => {
    const run: RunFile = () => Promise.reject(new Error('spawn powershell.exe ENOENT'));
    await expect(windowsDrives(run, 'C:\\Windows')).rejects.toThrow('ENOENT');
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
