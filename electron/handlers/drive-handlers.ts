import { lstat, readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { exportFileNameField } from '../../shared/contract/drives';
import { AppFailure } from '../../shared/errors';
import { type CoreContext, requireSession } from '../core/context';
import { type DetectedDrive } from '../drives/drive-types';
import { type Handlers } from '../ipc/dispatcher';

type DriveHandlers = Pick<Handlers, 'drives.list' | 'drives.files'>;

export const driveView = ({ id, label, size, free }: DetectedDrive) => ({ id, label, size, free });

/**
 * The mount point of a drive the renderer named by id, looked up in a fresh list: a path only
 * ever comes from main's own detection, and a stick pulled out meanwhile is `drive_gone`.
 */
export async function resolveDrive(context: CoreContext, id: string): Promise<string> {
  const drives = (await context.adapters.drives?.list()) ?? [];
  const drive = drives.find((d) => d.id === id);
  if (!drive) throw new AppFailure('drive_gone');
  return drive.mountPoint;
}

/** Whether a file lies on a detected removable drive (and may be unplugged at any moment). */
export async function isOnDrive(context: CoreContext, path: string): Promise<boolean> {
  const drives = (await context.adapters.drives?.list()) ?? [];
  const file = resolve(path);
  return drives.some((d) => {
    const root = resolve(d.mountPoint);
    return file.startsWith(root.endsWith(sep) ? root : root + sep);
  });
}

export function driveHandlers(context: CoreContext): DriveHandlers {
  return {
    'drives.list': async () => {
      requireSession(context);
      return ((await context.adapters.drives?.list()) ?? []).map(driveView);
    },
    'drives.files': async ({ drive }) => {
      requireSession(context);
      const root = await resolveDrive(context, drive);
      const found = [];
      for (const name of await readdir(root).catch(() => [])) {
        if (!exportFileNameField.safeParse(name).success) continue;
        // Not followed: a link, a FIFO, a folder or a device under an export's name is no export.
        const info = await lstat(join(root, name));
        if (!info.isFile()) continue;
        found.push({ name, size: info.size, modifiedAt: info.mtime.toISOString() });
      }
      return found.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).slice(0, 200);
    },
  };
}
