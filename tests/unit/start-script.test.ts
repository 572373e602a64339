import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRunInstaller, locateElectron } from '../../scripts/electron/electron-binary';
import { tempDir } from './support/temp-dir';

const scriptsDir = resolve(__dirname, '../../scripts/electron');
const tsxCli = require.resolve('tsx/cli');

/**
 * A project folder holding the start script and an `electron` package as Electron 45's npm
 * package leaves it before its binary is fetched: no `path.txt`, no `dist/`, and an index that
 * would fetch (here: throw) if anything required it.
 */
async function projectWithoutBinary(): Promise<{ root: string; electronDir: string }> {
  const root = await tempDir();
  await mkdir(join(root, 'scripts/electron'), { recursive: true });
  for (const file of ['start.ts', 'electron-binary.ts']) {
    await copyFile(join(scriptsDir, file), join(root, 'scripts/electron', file));
  }
  const electronDir = join(root, 'node_modules/electron');
  await mkdir(electronDir, { recursive: true });
  await writeFile(join(electronDir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  await writeFile(join(electronDir, 'index.js'), "throw new Error('Electron uninstall');\n");
  return { root, electronDir };
}

function runStart(root: string, env: Record<string, string>, args: string[] = []) {
  const clean = { ...process.env };
  delete clean['ELECTRON_EXEC_PATH'];
  return spawnSync(process.execPath, [tsxCli, join(root, 'scripts/electron/start.ts'), ...args], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: 'utf8',
  });
}

function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('npm start without an Electron binary', () => {
  it.each([
    ['npm start', []],
    ['npm run dev', ['--dev']],
  ])(
    '%s says in one line what is missing and how to get it, with no stack, and fails',
    async (_, args) => {
      const { root } = await projectWithoutBinary();
      const result = runStart(root, {}, args);
      const output = linesOf(result.stdout + result.stderr);
      expect(result.status).not.toBe(0);
      expect(output).toHaveLength(1);
      expect(output[0]).toContain('npx install-electron');
      expect(output[0]).toContain('ELECTRON_EXEC_PATH');
      expect(output[0]).not.toContain('Electron uninstall');
      expect(output[0]).not.toMatch(/^\s+at /);
    },
  );

  it('is what both npm start and npm run dev run', async () => {
    const pkg = JSON.parse(await readFile(join(scriptsDir, '../../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['start']).toBe('tsx scripts/electron/start.ts');
    expect(pkg.scripts['dev']).toBe('tsx scripts/electron/start.ts --dev');
  });

  it('names a missing ELECTRON_EXEC_PATH in one line', async () => {
    const { root } = await projectWithoutBinary();
    const missing = join(root, 'no-such-electron');
    const result = runStart(root, { ELECTRON_EXEC_PATH: missing });
    expect(result.status).not.toBe(0);
    expect(linesOf(result.stdout + result.stderr)).toEqual([
      `Resguardo cannot start: ELECTRON_EXEC_PATH names ${missing}, which does not exist.`,
    ]);
  });
});

describe('locating Electron the way electron-vite does', () => {
  it('finds the binary path.txt names under dist/, and nothing when dist/ lacks it', async () => {
    const { electronDir } = await projectWithoutBinary();
    await writeFile(join(electronDir, 'path.txt'), 'electron');
    expect(locateElectron(electronDir, {}).found).toBe(false);
    await mkdir(join(electronDir, 'dist'));
    await writeFile(join(electronDir, 'dist/electron'), '');
    expect(locateElectron(electronDir, {})).toEqual({
      found: true,
      path: join(electronDir, 'dist/electron'),
    });
  });

  it("runs Electron's installer only on the Node it declares (22.12 or later)", () => {
    expect(canRunInstaller('v20.20.2')).toBe(false);
    expect(canRunInstaller('v22.11.0')).toBe(false);
    expect(canRunInstaller('v22.12.0')).toBe(true);
    expect(canRunInstaller('v24.1.0')).toBe(true);
  });
});
