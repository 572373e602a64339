import { lstat, readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { exportFileNameField } from '../../shared/contract/drives';
import { AppFailure } from '../../shared/errors';
import { type CoreContext, requireSession } from '../core/context';
import { type DetectedDrive } from '../drives/drive-types';
import { type Handlers } from '../ipc/dispatcher';
import { type Database } from '../database/sqlite';
import { describeStickFile, type ListingKeys } from '../exchange/stick-files';
import { ownCard } from '../office/office-views';
import { listPartners } from '../office/partner-repository';

type DriveHandlers = Pick<Handlers, 'drives.list' | 'drives.files'>;

/** Files listed per drive, newest first, and how many are read at a time (a few KiB each). */
const LISTED_FILES = 200;
const DESCRIBED_AT_ONCE = 4;

/** This office's identity and partners, for a whole listing. */
async function listingKeys(db: Database): Promise<ListingKeys> {
  const own = await ownCard(db);
  const known = new Map((await listPartners(db)).map((p) => [p.fingerprint, p]));
  return {
    identity: own.keys.ageIdentity,
    own: { fingerprint: own.fingerprint, signingPublic: own.signingPublic },
    partner: (fingerprint) => {
      const partner = known.get(fingerprint);
      return (
        partner && {
          name: partner.name,
          signingPublic: partner.signingPublic,
          verified: partner.verifiedAt !== null,
        }
      );
    },
  };
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  }
  return results;
}

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
      const { db } = requireSession(context);
      const root = await resolveDrive(context, drive);
      const found = [];
      for (const name of await readdir(root).catch(() => [])) {
        if (!exportFileNameField.safeParse(name).success) continue;
        // Not followed: a link, a FIFO, a folder or a device under an export's name is listed
        // as what it is, and never opened as an export.
        const info = await lstat(join(root, name)).catch(() => null);
        if (!info) continue;
        const size = info.isFile() ? info.size : 0;
        found.push({ name, size, modifiedAt: info.mtime.toISOString() });
      }
      const newest = found
        .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))
        .slice(0, LISTED_FILES);
      const keys = await listingKeys(db);
      const described = await inBatches(newest, DESCRIBED_AT_ONCE, (file) =>
        describeStickFile(join(root, file.name), keys),
      );
      return newest.map((file, i) => {
        const { state, sender, createdAt } = described[i]!;
        return {
          ...file,
          state,
          sender: sender && { name: sender.name, status: sender.status },
          createdAt,
        };
      });
    },
  };
}
