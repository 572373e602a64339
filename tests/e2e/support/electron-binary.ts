import {
  chmodSync,
  mkdirSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Finding and starting a real Electron for the smoke tests, the way the tools find it, and
 * never by `require('electron')` (Electron 45's index.js downloads the binary when it is missing).
 */
export type Found = { path: string; source: string } | { path: null; reason: string };

type Env = Record<string, string | undefined>;

/**
 * In order: `RESGUARDO_ELECTRON_BINARY` (a binary you name); `ELECTRON_EXEC_PATH` (what
 * electron-vite runs); `ELECTRON_OVERRIDE_DIST_PATH` (Electron's own override); the electron
 * package's `path.txt` naming a file in its `dist/` (what `install-electron` writes). A binary
 * named in RESGUARDO_ELECTRON_BINARY that does not exist is an error, not a skip.
 */
export function findElectronBinary(env: Env, electronDir: string = electronPackageDir()): Found {
  const named = env['RESGUARDO_ELECTRON_BINARY'];
  if (named !== undefined && named !== '') {
    if (!existsSync(named))
      throw new Error(`RESGUARDO_ELECTRON_BINARY names ${named}, which does not exist`);
    return { path: named, source: 'RESGUARDO_ELECTRON_BINARY' };
  }
  const execPath = env['ELECTRON_EXEC_PATH'];
  if (execPath !== undefined && existsSync(execPath))
    return { path: execPath, source: 'ELECTRON_EXEC_PATH' };
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const path = join(override, relative || 'electron');
    if (existsSync(path)) return { path, source: 'ELECTRON_OVERRIDE_DIST_PATH' };
  }
  if (relative !== '') {
    const path = join(electronDir, 'dist', relative);
    if (existsSync(path)) return { path, source: 'node_modules/electron/path.txt' };
    return {
      path: null,
      reason: `path.txt names ${path}, which is missing (run \`npx install-electron\`)`,
    };
  }
  return {
    path: null,
    reason:
      'no Electron binary on this machine: none named in RESGUARDO_ELECTRON_BINARY, and node_modules/electron has no path.txt (it cannot be downloaded here; elsewhere `npx install-electron`)',
  };
}

function electronPackageDir(): string {
  return dirname(require.resolve('electron/package.json'));
}

/**
 * The packaged app as `electron-builder --dir` lays it out: `RESGUARDO_PACKAGED_APP` (its
 * executable), else `dist/linux-unpacked/resguardo` or `dist/mac*\/Resguardo.app/…/Resguardo`.
 */
export function findPackagedApp(root: string, env: Env): Found {
  const named = env['RESGUARDO_PACKAGED_APP'];
  if (named !== undefined && named !== '') {
    if (!existsSync(named))
      throw new Error(`RESGUARDO_PACKAGED_APP names ${named}, which does not exist`);
    return { path: named, source: 'RESGUARDO_PACKAGED_APP' };
  }
  const dist = join(root, 'dist');
  const folders = existsSync(dist) ? readdirSync(dist) : [];
  for (const folder of folders) {
    const candidates = folder.startsWith('mac')
      ? [join(dist, folder, 'Resguardo.app', 'Contents', 'MacOS', 'Resguardo')]
      : folder.endsWith('-unpacked')
        ? ['resguardo', 'Resguardo'].map((name) => join(dist, folder, name))
        : [];
    const found = candidates.find((path) => existsSync(path));
    if (found !== undefined) return { path: found, source: `dist/${folder}` };
  }
  return {
    path: null,
    reason:
      'no packaged app: run `npm run build && npx electron-builder --dir` first (needs the internet), or name one in RESGUARDO_PACKAGED_APP',
  };
}

export interface Launcher {
  /** What to execute: the binary itself, or a wrapper that drops root and adds a display. */
  executablePath: string;
  /** A HOME for the app (its user-data folder lives under it when packaged). */
  home: string;
  /** Make a folder of ours usable by the user the app runs as. */
  share(folder: string): void;
}

/**
 * Electron refuses to run as root with its sandbox on, and needs a display: as root, run it as
 * `RESGUARDO_ELECTRON_USER` (default `nobody`) through `setpriv`; with no DISPLAY on Linux, under
 * `xvfb-run -a`. Never with --no-sandbox. The checkout must be readable by that user.
 */
export function electronLauncher(binary: string, env: Env): Launcher {
  const folder = mkdtempSync(join(tmpdir(), 'resguardo-electron-launch-'));
  chmodSync(folder, 0o755);
  const home = join(folder, 'home');
  mkdirSync(home);
  const root = process.getuid?.() === 0;
  const needsDisplay = process.platform === 'linux' && (env['DISPLAY'] ?? '') === '';
  if (!root && !needsDisplay) return { executablePath: binary, home, share: () => undefined };

  const user = env['RESGUARDO_ELECTRON_USER'] ?? 'nobody';
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  const share = (path: string) => {
    if (root) execFileSync('chown', ['-R', `${uid}:${gid}`, path]);
  };
  share(home);
  const drop = root
    ? `setpriv --reuid=${uid} --regid=${gid} --clear-groups env HOME='${home}' `
    : '';
  const display = needsDisplay ? 'xvfb-run -a ' : '';
  const wrapper = join(folder, 'electron');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${drop}${display}'${binary}' "$@"\n`, { mode: 0o755 });
  return { executablePath: wrapper, home, share };
}
