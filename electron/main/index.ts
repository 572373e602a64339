import { join } from 'node:path';
import { app, type BrowserWindow, dialog, globalShortcut, session } from 'electron';
import { type Core, createCore } from '../core/create-core';
import { electronAdapters, log } from './adapters';
import { registerInvokeHandler } from './ipc';
import { defaultLanguageFrom } from './language';
import { installLockTriggers } from './lock-triggers';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { debuggingSwitchIn, resolveRuntime } from './runtime';
import { lockDownSession } from './session-policy';
import { guardWebContents } from './web-contents-guard';
import { createMainWindow } from './window';

const runtime = resolveRuntime({
  packaged: app.isPackaged,
  mainDir: __dirname,
  appDataDir: app.getPath('appData'),
  env: process.env,
});

// The fuses switch off --inspect in the packaged app; Chromium's own debugging switches are not
// covered by a fuse, so a packaged app refuses to start with them.
const debugging = runtime.packaged ? debuggingSwitchIn(process.argv) : null;
if (debugging !== null) {
  log('refusing to start with a debugging switch', { switch: debugging });
  app.exit(1);
}

// Before anything asks for a path: the single-instance lock lives in the user-data folder too.
app.setPath('userData', runtime.userDataDir);
registerAppScheme();
app.enableSandbox();

let win: BrowserWindow | null = null;
const getWindow = () => win;

function showWindow(): void {
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, runtime.origins, log),
  );
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // Closing the window ends the app on every platform: nothing unlocked lingers in the dock.
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  installMenu(process.platform);
  lockDownSession(session.defaultSession, runtime.origins, {
    allowDevTools: runtime.allowDevTools,
    log,
  });
  serveRenderer(session.defaultSession, runtime.rendererDir);

  let core: Core;
  try {
    core = await createCore({
      dataDir: join(app.getPath('userData'), 'vault'),
      adapters: electronAdapters(getWindow),
      defaultLanguage: defaultLanguageFrom(app.getPreferredSystemLanguages(), app.getLocale()),
    });
  } catch (error) {
    log('core failed to start', { error: String(error) });
    dialog.showErrorBox(
      'Resguardo',
      'Resguardo could not open its data folder. / Resguardo no pudo abrir su carpeta de datos.',
    );
    app.exit(1);
    return;
  }

  const removeHandler = registerInvokeHandler({ core, getWindow, origins: runtime.origins, log });
  const removeTriggers = installLockTriggers({ core, getWindow, log });
  win = createMainWindow({
    preloadPath: runtime.preloadPath,
    entryUrl: runtime.entryUrl,
    allowDevTools: runtime.allowDevTools,
  });
  win.on('closed', () => {
    win = null;
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Hold the quit until the database is closed, then quit for real.
    event.preventDefault();
    closed = true;
    removeTriggers();
    removeHandler();
    globalShortcut.unregisterAll();
    core
      .close()
      .catch((error: unknown) => log('close failed', { error: String(error) }))
      .finally(() => app.quit());
  });
}

if (debugging === null) {
  if (app.requestSingleInstanceLock()) {
    start().catch((error: unknown) => {
      log('startup failed', { error: String(error) });
      app.exit(1);
    });
  } else {
    app.quit();
  }
}
