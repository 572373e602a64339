import { setTimeout as sleep } from 'node:timers/promises';

/** Waits between attempts: about 2 s in all, what Defender or the indexer usually hold a file. */
const WAITS_MS = [20, 50, 100, 200, 400, 500, 750];

const BUSY_CODES = ['EBUSY', 'EPERM', 'EACCES'];

/**
 * Run a rename or unlink again while Windows says the file is busy: antivirus and the search
 * indexer open new files for a moment, and meanwhile `rename`/`unlink` fail with EBUSY or EPERM.
 * Elsewhere those codes mean what they say, so nothing is retried (`platform` is for tests).
 */
export async function retryWhileBusy<T>(
  work: () => Promise<T>,
  platform: NodeJS.Platform = process.platform,
  waits: readonly number[] = WAITS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
      const wait = waits[attempt];
      const busy = typeof code === 'string' && BUSY_CODES.includes(code);
      if (platform !== 'win32' || !busy || wait === undefined) throw error;
      await sleep(wait);
    }
  }
}
