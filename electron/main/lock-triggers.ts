import { type BrowserWindow, globalShortcut, powerMonitor } from 'electron';
import { type Core } from '../core/create-core';
import { type Log } from '../core/adapters';

export const PANIC_SHORTCUT = 'CommandOrControl+Shift+L';

/**
 * Everything that locks the vault without the user pressing "lock": idle time, the machine
 * sleeping or its screen locking, and the panic shortcut (which also hides the window at once).
 * Returns a function that removes them all.
 */
export function installLockTriggers(options: {
  core: Core;
  getWindow: () => BrowserWindow | null;
  log: Log;
}): () => void {
  const { core, log } = options;
  const lockFor = (reason: 'suspend' | 'screen' | 'panic') => {
    core
      .lock(reason)
      .catch((error: unknown) => log('lock failed', { reason, error: String(error) }));
  };

  const stopIdle = core.watchIdle(() => powerMonitor.getSystemIdleTime());
  const onSuspend = () => lockFor('suspend');
  const onLockScreen = () => lockFor('screen');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLockScreen);

  const registered = globalShortcut.register(PANIC_SHORTCUT, () => {
    // Hide first: the screen must be clear even if locking takes a moment.
    options.getWindow()?.hide();
    lockFor('panic');
  });
  if (!registered)
    log('panic shortcut unavailable (taken by another program)', { shortcut: PANIC_SHORTCUT });

  return () => {
    stopIdle();
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onLockScreen);
    if (registered) globalShortcut.unregister(PANIC_SHORTCUT);
  };
}
