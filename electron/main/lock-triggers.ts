import { app, type BrowserWindow, globalShortcut, powerMonitor } from 'electron';
import { type Core } from '../core/create-core';
import { type Log } from '../core/adapters';
import { countsAsUse, createInputClock } from '../lock/lock-watch';
import { isPanicKey, PANIC_ACCELERATOR, panicModifier } from '../lock/panic-key';

/** How often the idle clocks and the screen's lock state are read. */
const LOCK_POLL_MS = 2_000;

/** Whether the system-wide panic key is registered; Settings shows it (app.panicShortcut). */
export const panicShortcut = {
  modifier: panicModifier(process.platform),
  systemWide: false,
};

/**
 * Wires what Electron reports to the lock decisions (electron/lock): idle time (the system's and
 * the window's own input, whichever says idle first), the machine sleeping, the screen locking
 * (an event on macOS and Windows; polled everywhere, Linux has no event), and the panic key
 * (system-wide where the desktop allows, inside the window always; it hides the window first).
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
  const panic = () => {
    // Hide first: the screen must be clear even if locking takes a moment.
    options.getWindow()?.hide();
    lockFor('panic');
  };

  const appInput = createInputClock();
  const watch = core.watchIdle(
    {
      systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
      appIdleSeconds: () => appInput.idleSeconds(),
      screenLocked: () => powerMonitor.getSystemIdleState(60) === 'locked',
    },
    LOCK_POLL_MS,
  );
  const onSuspend = () => lockFor('suspend');
  const onLockScreen = () => lockFor('screen');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLockScreen);

  const onWindow = (_event: unknown, win: BrowserWindow) => {
    win.webContents.on('input-event', (_e, input) => {
      if (countsAsUse(input.type)) appInput.note();
    });
    win.webContents.on('before-input-event', (event, input) => {
      if (!isPanicKey(input, process.platform)) return;
      event.preventDefault();
      panic();
    });
  };
  app.on('browser-window-created', onWindow);

  panicShortcut.systemWide = globalShortcut.register(PANIC_ACCELERATOR, panic);
  if (!panicShortcut.systemWide)
    log('system-wide panic key unavailable; it works inside the window', {
      shortcut: PANIC_ACCELERATOR,
    });

  return () => {
    watch.stop();
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onLockScreen);
    app.off('browser-window-created', onWindow);
    if (panicShortcut.systemWide) globalShortcut.unregister(PANIC_ACCELERATOR);
  };
}
