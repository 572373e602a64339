import { describe, expect, it } from 'vitest';
import { retryWhileBusy } from '../../electron/files/busy-retry';

const failure = (code: string) => Object.assign(new Error(code), { code });

/** A call that fails `times` times with `code`, then answers 'done'. */
function heldFor(times: number, code: string) {
  let calls = 0;
  const work = () => (++calls <= times ? Promise.reject(failure(code)) : Promise.resolve('done'));
  return { work, calls: () => calls };
}

describe('retrying a file Windows says is busy', () => {
  it.each(['EBUSY', 'EPERM', 'EACCES'])('waits out %s held briefly by antivirus', async (code) => {
    const held = heldFor(3, code);
    await expect(retryWhileBusy(held.work, 'win32', [1, 1, 1, 1])).resolves.toBe('done');
    expect(held.calls()).toBe(4);
  });

  it('gives up with the error once the waits are spent', async () => {
    const held = heldFor(10, 'EBUSY');
    await expect(retryWhileBusy(held.work, 'win32', [1, 1])).rejects.toThrow('EBUSY');
    expect(held.calls()).toBe(3);
  });

  it('never retries other errors, nor busy errors on Linux and macOS', async () => {
    const missing = heldFor(1, 'ENOENT');
    await expect(retryWhileBusy(missing.work, 'win32', [1])).rejects.toThrow('ENOENT');
    expect(missing.calls()).toBe(1);
    for (const platform of ['linux', 'darwin'] as const) {
      const held = heldFor(1, 'EPERM');
      await expect(retryWhileBusy(held.work, platform, [1])).rejects.toThrow('EPERM');
      expect(held.calls()).toBe(1);
    }
  });
});
