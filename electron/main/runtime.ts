import { join, resolve } from 'node:path';
import { APP_ENTRY_URL, trustedOrigins } from './origin';

/**
 * The folder name under the system's per-user application folder, for `npm start` and the
 * installed app alike: Electron would otherwise take it from package.json (`productName`, else
 * `name`), which differs between a development run and a package built without `productName`.
 */
export const APP_FOLDER_NAME = 'Resguardo';

/** What differs between a packaged app and a development run, decided once at startup. */
export interface Runtime {
  packaged: boolean;
  /** Electron's user-data folder, set explicitly; the vault is its `vault/` folder. */
  userDataDir: string;
  rendererDir: string;
  preloadPath: string;
  entryUrl: string;
  origins: string[];
  allowDevTools: boolean;
}

/**
 * Development-only knobs are read from the environment only when the app is not packaged, so a
 * user's environment can never point a packaged Resguardo at another folder or web server:
 * `RESGUARDO_DATA_DIR` (a separate profile and vault, for end-to-end tests) and
 * `ELECTRON_RENDERER_URL` (set by `electron-vite dev`).
 */
export function resolveRuntime(options: {
  packaged: boolean;
  /** The folder of the bundled main script (`out/main`), inside the asar when packaged. */
  mainDir: string;
  /** The system's per-user application folder (`app.getPath('appData')`). */
  appDataDir: string;
  env: Record<string, string | undefined>;
}): Runtime {
  const { packaged, mainDir, appDataDir, env } = options;
  const devServerUrl = packaged ? undefined : nonEmpty(env.ELECTRON_RENDERER_URL);
  const dataOverride = packaged ? undefined : nonEmpty(env.RESGUARDO_DATA_DIR);
  return {
    packaged,
    userDataDir:
      dataOverride === undefined ? join(appDataDir, APP_FOLDER_NAME) : resolve(dataOverride),
    // Relative to the main bundle, not to app.getAppPath(): `electron out/main/index.js` makes
    // the app path `out/main`, `electron .` makes it the project folder.
    rendererDir: join(mainDir, '..', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    origins: trustedOrigins(devServerUrl),
    allowDevTools: !packaged,
  };
}

/** Chromium switches that open the renderer or main process to a debugger. */
const debuggingSwitches = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'inspect',
  'inspect-brk',
  'inspect-port',
];

export function debuggingSwitchIn(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = arg.replace(/^--?/, '').split('=', 1)[0] ?? '';
    if (arg.startsWith('-') && debuggingSwitches.includes(name)) return name;
  }
  return null;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
