import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write';

/**
 * Failed unlocks, kept on disk so that restarting the app does not reset the wait.
 * (Argon2id is the real defence against offline guessing; this slows guessing at the keyboard.)
 */
const attemptsSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.number().nonnegative(),
});
type Attempts = z.infer<typeof attemptsSchema>;

const FREE_ATTEMPTS = 3;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 15 * 60_000;

export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

export interface UnlockThrottle {
  /** Milliseconds to wait before the next attempt may run. */
  remainingDelay(): Promise<number>;
  /** Record a failure; returns the wait before the next attempt. */
  recordFailure(): Promise<number>;
  recordSuccess(): Promise<void>;
}

export function createUnlockThrottle(file: string, now: () => number = Date.now): UnlockThrottle {
  async function read(): Promise<Attempts> {
    try {
      return attemptsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    } catch {
      return { failures: 0, lastFailureAt: 0 };
    }
  }
  return {
    async remainingDelay() {
      const attempts = await read();
      const until = attempts.lastFailureAt + delayAfter(attempts.failures);
      return Math.max(0, until - now());
    },
    async recordFailure() {
      const attempts = await read();
      const next = { failures: attempts.failures + 1, lastFailureAt: now() };
      await writeFileAtomic(file, JSON.stringify(next));
      return delayAfter(next.failures);
    },
    async recordSuccess() {
      await writeFileAtomic(file, JSON.stringify({ failures: 0, lastFailureAt: 0 }));
    },
  };
}
