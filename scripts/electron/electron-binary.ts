import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Electron's installer (@electron/get 5) declares this; older Node cannot fetch the binary. */
export const INSTALLER_NODE = { major: 22, minor: 12 };

export type ElectronBinary = { found: true; path: string } | { found: false; message: string };

/**
 * Where `npm start` finds Electron, the way electron-vite does: `ELECTRON_EXEC_PATH`, else the
 * `path.txt` that Electron's installer writes beside its package. Never fetches anything (Electron
 * 45's `require('electron')` would), so a missing binary is said in one line.
 */
export function locateElectron(
  electronPackageDir: string,
  env: Record<string, string | undefined>,
): ElectronBinary {
  const named = env['ELECTRON_EXEC_PATH'];
  if (named !== undefined && named !== '') {
    if (existsSync(named)) return { found: true, path: named };
    return {
      found: false,
      message: `Resguardo cannot start: ELECTRON_EXEC_PATH names ${named}, which does not exist.`,
    };
  }
  const pathFile = join(electronPackageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const binary = join(electronPackageDir, 'dist', relative);
  if (relative !== '' && existsSync(binary)) return { found: true, path: binary };
  return {
    found: false,
    message:
      "Resguardo cannot start: Electron's binary is not installed (node_modules/electron/dist). " +
      `Fetch it with \`npx install-electron\` (needs Node ${nodeVersionText(INSTALLER_NODE)} or later and network access), ` +
      'or set ELECTRON_EXEC_PATH to an Electron 45 binary.',
  };
}

/** The folder of the `electron` package as Node resolves it from `fromDir`. */
export function electronPackageDirFrom(resolvePackageJson: (id: string) => string): string {
  return dirname(resolvePackageJson('electron/package.json'));
}

export function canRunInstaller(nodeVersion: string): boolean {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  return (
    major > INSTALLER_NODE.major ||
    (major === INSTALLER_NODE.major && minor >= INSTALLER_NODE.minor)
  );
}

function nodeVersionText(version: { major: number; minor: number }): string {
  return `${version.major}.${version.minor}`;
}
