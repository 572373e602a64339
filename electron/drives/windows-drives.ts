import { execFile } from 'node:child_process';
import { win32 } from 'node:path';
import { z } from 'zod';
import { driveId } from './drive-id';
import { type DetectedDrive } from './drive-types';

/**
 * Removable drives on Windows, from WMI: logical disks of type 2 (removable: sticks, card
 * readers). Asked through PowerShell, which every supported Windows has, rather than a native
 * module. The output is JSON from `ConvertTo-Json`: one object for one drive, an array for
 * several, nothing at all for none.
 */
const SCRIPT = [
  // Volume names are not ASCII-only ("DATOS AÑO"): without this, redirected output is in the
  // console's OEM code page and Node would read it as broken UTF-8.
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8;',
  "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2'",
  '| Select-Object DeviceID,VolumeName,Size,FreeSpace',
  '| ConvertTo-Json -Compress',
].join(' ');

/** No profile (a user's profile script could print, or be slow), never waiting for input. */
export const POWERSHELL_ARGS = ['-NoProfile', '-NonInteractive', '-Command', SCRIPT] as const;

/** A cold PowerShell start takes about a second; a hung WMI must not hold the poll for long. */
const TIMEOUT_MS = 10_000;
/** 26 drive letters' worth of JSON is a few KiB. */
const MAX_OUTPUT = 256 * 1024;
/** NTFS allows 32 characters, FAT 11: anything longer is not a volume name. */
const LABEL_MAX = 64;

/**
 * By absolute path: `execFile('powershell.exe')` would also look in the current directory and
 * along PATH, where anyone able to write a file could place their own.
 */
export function powershellPath(systemRoot: string | undefined): string {
  const root =
    systemRoot !== undefined && /^[A-Za-z]:\\/.test(systemRoot) ? systemRoot : 'C:\\Windows';
  return win32.join(root, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}

const byteCount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const logicalDisk = z.object({
  DeviceID: z.string().regex(/^[A-Za-z]:$/),
  VolumeName: z.string().nullish(),
  /** Null when the slot holds no medium (a card reader without a card): nothing to write to. */
  Size: byteCount.nullable(),
  FreeSpace: byteCount.nullish(),
});

/**
 * Control and format characters (bidi overrides, zero-width) are dropped so a label cannot
 * disguise itself as another; a missing or empty name falls back to the drive letter.
 */
function labelOf(volumeName: string | null | undefined, letter: string): string {
  const clean = (volumeName ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, LABEL_MAX)
    .trim();
  return clean === '' ? letter : clean;
}

/**
 * PowerShell's JSON → drives. Pure. Output that is not JSON gives no drives; an entry that is
 * not a plausible logical disk (no drive letter, sizes that are not byte counts, no medium) is
 * left out, the others kept.
 */
export function parseWindowsDrives(stdout: string): DetectedDrive[] {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const entries: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const drives: DetectedDrive[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const disk = logicalDisk.safeParse(entry);
    if (!disk.success || disk.data.Size === null) continue;
    const letter = disk.data.DeviceID.toUpperCase();
    if (seen.has(letter)) continue;
    seen.add(letter);
    const mountPoint = `${letter}\\`;
    const size = disk.data.Size;
    const free = disk.data.FreeSpace ?? null;
    drives.push({
      id: driveId({ device: letter, mountPoint }),
      label: labelOf(disk.data.VolumeName, letter),
      mountPoint,
      size,
      free: free !== null && free <= size ? free : null,
    });
  }
  return drives;
}

/** What `windowsDrives` needs of `child_process.execFile`, so tests can stand in for it. */
export type RunFile = (
  file: string,
  args: readonly string[],
  options: { timeout: number; windowsHide: boolean; maxBuffer: number },
) => Promise<string>;

const runFile: RunFile = (file, args, options) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { ...options, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

/** Removable drives now; throws when PowerShell cannot run (the caller falls back to none). */
export async function windowsDrives(
  run: RunFile = runFile,
  systemRoot: string | undefined = process.env['SystemRoot'],
): Promise<DetectedDrive[]> {
  const stdout = await run(powershellPath(systemRoot), POWERSHELL_ARGS, {
    timeout: TIMEOUT_MS,
    windowsHide: true,
    maxBuffer: MAX_OUTPUT,
  });
  return parseWindowsDrives(stdout);
}
