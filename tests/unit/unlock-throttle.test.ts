import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnlockThrottle, delayAfter } from '../../electron/vault/unlock-throttle';
import { tempDir } from './support/temp-dir';

describe('the unlock throttle', () => {
  it('grows the wait with each failure after the free attempts, up to a ceiling', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6, 30].map(delayAfter);
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(0);
    for (let i = 4; i < 7; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
    expect(waits[7]).toBe(15 * 60_000);
  });

  it('counts down with time, survives a restart, and resets on success', async () => {
    const file = join(await tempDir(), 'attempts.json');
    let now = 1_000_000;
    const clock = () => now;
    const throttle = createUnlockThrottle(file, clock);
    for (let i = 0; i < 4; i++) await throttle.recordFailure();
    const wait = delayAfter(4);
    expect(await throttle.remainingDelay()).toBe(wait);
    now += wait / 2;
    expect(await createUnlockThrottle(file, clock).remainingDelay()).toBe(wait / 2);
    now += wait;
    expect(await throttle.remainingDelay()).toBe(0);
    await throttle.recordSuccess();
    expect(await throttle.recordFailure()).toBe(0);
  });
});
