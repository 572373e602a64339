import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronPackageDirFrom, locateElectron } from './electron-binary';

/*
 * `npm start` (and `npm run dev` with `--dev`): build and run the app with electron-vite, once
 * Electron's binary is known to be there. Without it, one line says what is missing and how to get it (electron-vite alone throws
 * "Electron uninstall" with a stack).
 */
const require = createRequire(__filename);
const binary = locateElectron(electronPackageDirFrom(require.resolve), process.env);
if (!binary.found) {
  process.stderr.write(`${binary.message}\n`);
  process.exit(1);
}

const [first, ...rest] = process.argv.slice(2);
const [command, args] = first === '--dev' ? ['dev', rest] : ['preview', process.argv.slice(2)];
const cli = require.resolve('electron-vite/bin/electron-vite.js');
const child = spawn(process.execPath, [cli, command, ...args], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary.path },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
