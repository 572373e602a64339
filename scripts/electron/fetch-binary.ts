import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  canRunInstaller,
  electronPackageDirFrom,
  INSTALLER_NODE,
  locateElectron,
} from './electron-binary';

/*
 * postinstall: fetch Electron's binary with Electron's own installer (its `install-electron`
 * bin), since Electron 45's package no longer does it at install. Never fails the install: where
 * the binary cannot be fetched (no network, CI, an older Node), one line says so and `npm start`
 * says how to get it later.
 */
const require = createRequire(__filename);
const electronDir = electronPackageDirFrom(require.resolve);

function skipReason(): string | null {
  const skip = process.env['ELECTRON_SKIP_BINARY_DOWNLOAD'];
  if (skip !== undefined && skip !== '' && skip !== '0' && skip !== 'false') {
    return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  }
  if (!canRunInstaller(process.version)) {
    return `its installer needs Node ${INSTALLER_NODE.major}.${INSTALLER_NODE.minor} or later (this is ${process.version})`;
  }
  return null;
}

function main(): void {
  if (locateElectron(electronDir, {}).found) return;
  const reason = skipReason();
  if (reason !== null) {
    console.log(`Electron's binary was not fetched: ${reason}.`);
    return;
  }
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    // A network that swallows packets would otherwise hold the install forever.
    timeout: 15 * 60_000,
  });
  if (result.status === 0) return;
  const firstLine = (result.stderr ?? String(result.error ?? '')).trim().split('\n')[0] ?? '';
  console.log(
    `Electron's binary could not be fetched (${firstLine || 'no reason given'}); \`npm start\` says how to get it.`,
  );
}

main();
