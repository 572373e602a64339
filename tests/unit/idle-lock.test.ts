import { describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir';
import { startTestCore, STRONG_PASSPHRASE } from './support/test-core';

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('idle lock', () => {
  it('locks once the system has been idle for the configured minutes, not before', async () => {
    const t = await startTestCore(await tempDir());
    await t.call('vault.create', {
      officeName: 'Red',
      displayName: 'Ana',
      passphrase: STRONG_PASSPHRASE,
    });
    await t.call('preferences.update', { idleMinutes: 2 });
    let idleSeconds = 119;
    const watch = t.core.watchIdle({ systemIdleSeconds: () => idleSeconds }, 10);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.events).toEqual([]);
    idleSeconds = 120;
    await until(() => t.events.length > 0);
    watch.stop();
    expect(t.events).toEqual([{ name: 'vault.locked', payload: { reason: 'idle' } }]);
    expect(((await t.call('app.status')) as { state: string }).state).toBe('locked');
  });

  it('keeps preferences across restarts and refuses values out of range', async () => {
    const dir = await tempDir();
    const t = await startTestCore(dir);
    expect(await t.call('preferences.get')).toEqual({ language: 'es', idleMinutes: 5 });
    await t.call('preferences.update', { language: 'en', idleMinutes: 15 });
    const again = await startTestCore(dir);
    expect(await again.call('preferences.get')).toEqual({ language: 'en', idleMinutes: 15 });
    const reply = await again.core.dispatch('preferences.update', { idleMinutes: 0 });
    expect(reply.ok).toBe(false);
  });
});
