import { join } from 'node:path';
import { app, type BrowserWindow, globalShortcut, session } from 'electron';
import { electronAdapters, log } from './adapters';
import { registerInvokeHandler } from './ipc';
import { defaultLanguageFrom } from './language';
import { installLockTriggers } from './lock-triggers';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { debuggingSwitchIn, resolveRuntime } from './runtime';
import { lockDownSession } from './session-policy';
import { sandboxDisabledBy } from '../startup/sandbox-check';
import { startCore } from '../startup/start-core';
import { classifyStartupFailure } from '../startup/startup-failure';
import { vaultPaths } from '../vault/vault-paths';
import { refuseToStart } from './startup-dialog';
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

const paths = vaultPaths(join(app.getPath('userData'), 'vault'));

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

  // The renderer's sandbox is never off: records are not opened in a window without it.
  const sandboxOff = sandboxDisabledBy({
    hasSwitch: (name) => app.commandLine.hasSwitch(name),
    argv: process.argv,
    env: process.env,
  });
  if (sandboxOff !== null) {
    log('refusing to start with the sandbox off', { by: sandboxOff });
    refuseToStart({ kind: 'sandbox_off', detail: sandboxOff }, paths.preferencesFile);
    return;
  }

  const started = await startCore({
    dataDir: paths.dir,
    adapters: electronAdapters(getWindow),
    defaultLanguage: defaultLanguageFrom(app.getPreferredSystemLanguages(), app.getLocale()),
  });
  if (!started.ok) {
    log('core failed to start', { kind: started.failure.kind, error: String(started.error) });
    refuseToStart(started.failure, paths.preferencesFile);
    return;
  }
  const { core } = started;

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
      const failure = classifyStartupFailure(error, { stage: 'load', dataDir: paths.dir });
      refuseToStart(failure, paths.preferencesFile);
    });
  } else {
    app.quit();
  }
}
