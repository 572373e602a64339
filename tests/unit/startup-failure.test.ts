import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CoreOptions } from '../../electron/core/create-core';
import { sandboxDisabledBy } from '../../electron/startup/sandbox-check';
import { startCore } from '../../electron/startup/start-core';
import {
  classifyStartupFailure,
  type StartupFailure,
} from '../../electron/startup/startup-failure';
import { startupLanguage, startupMessage } from '../../electron/startup/startup-text';
import { tempDir } from './support/temp-dir';

const silent: CoreOptions['adapters'] = {
  clipboard: { readText: async () => '', writeText: async () => undefined },
  emit: () => undefined,
  log: () => undefined,
};

const optionsIn = (dataDir: string): CoreOptions => ({
  dataDir,
  adapters: silent,
  defaultLanguage: 'es',
});

/** Start with native modules that fail to load the way `fail` makes them. */
async function failureOf(fail: () => void, dataDir?: string): Promise<StartupFailure> {
  const started = await startCore(optionsIn(dataDir ?? (await tempDir())), fail);
  if (started.ok) throw new Error('started');
  return started.failure;
}

/** A sodium-native binary built for another system than this one, as shipped in its package. */
function foreignAddon(system: 'linux' | 'darwin'): string {
  const arch = system === 'linux' ? (process.arch === 'x64' ? 'arm64' : 'x64') : 'arm64';
  const dir = resolve(__dirname, `../../node_modules/sodium-native/prebuilds/${system}-${arch}`);
  return join(
    dir,
    readdirSync(dir).find((name) => name.endsWith('.node'))!,
  );
}

const dlopen = (file: string) => () => process.dlopen({ exports: {} }, file);

describe('a start-up failure, from the real loader errors', () => {
  it('a native module that is not there: a part is missing, named', async () => {
    const failure = await failureOf(() =>
      createRequire(__filename)('@journeyapps/sqlcipher-not-installed'),
    );
    expect(failure).toEqual({
      kind: 'part_missing',
      detail: '@journeyapps/sqlcipher-not-installed',
    });
  });

  it('a native module built for another machine or system: wrong architecture, named', async () => {
    for (const system of ['linux', 'darwin'] as const) {
      expect(await failureOf(dlopen(foreignAddon(system))), system).toEqual({
        kind: 'wrong_architecture',
        detail: 'sodium-native',
      });
    }
  });

  it('a system library the module links is missing (libcrypto.so.3): named', async () => {
    const dir = await tempDir();
    const library = join(dir, 'libresguardo-gone.so.3');
    const addon = join(dir, 'node_modules/@journeyapps/sqlcipher/build/Release/node_sqlite3.node');
    await mkdir(join(addon, '..'), { recursive: true });
    await writeFile(join(dir, 'gone.c'), 'int gone(void) { return 1; }\n');
    await writeFile(join(dir, 'addon.c'), 'int gone(void);\nint uses(void) { return gone(); }\n');
    execFileSync('cc', [
      '-shared',
      '-fPIC',
      '-Wl,-soname,libresguardo-gone.so.3',
      '-o',
      library,
      join(dir, 'gone.c'),
    ]);
    execFileSync('cc', ['-shared', '-fPIC', '-o', addon, join(dir, 'addon.c'), library]);
    await rm(library);
    expect(await failureOf(dlopen(addon))).toEqual({
      kind: 'system_library_missing',
      detail: 'libresguardo-gone.so.3',
    });
  });

  it('a data folder that cannot be made (a file in its place): not writable, with its path', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'Resguardo'), 'not a folder');
    const dataDir = join(dir, 'Resguardo', 'vault');
    expect(await failureOf(() => undefined, dataDir)).toEqual({
      kind: 'data_folder_not_writable',
      detail: dataDir,
    });
  });

  it('a data folder that exists but takes no write: not writable (as root, the system allows it)', async () => {
    const dataDir = join(await tempDir(), 'vault');
    await mkdir(dataDir);
    await chmod(dataDir, 0o500);
    const started = await startCore(optionsIn(dataDir), () => undefined);
    await chmod(dataDir, 0o700);
    const root = process.getuid?.() === 0;
    if (started.ok) await started.core.close();
    expect(started.ok ? 'started' : started.failure).toEqual(
      root ? 'started' : { kind: 'data_folder_not_writable', detail: dataDir },
    );
  });

  it('starts when nothing is wrong', async () => {
    const started = await startCore(optionsIn(join(await tempDir(), 'vault')));
    expect(started.ok).toBe(true);
    if (started.ok) await started.core.close();
  });

  it('says what the system said for errors it does not know, and names full disks', () => {
    const options = { stage: 'data' as const, dataDir: '/home/ana/.config/Resguardo/vault' };
    const withCode = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    expect(classifyStartupFailure(withCode('EACCES'), options).kind).toBe(
      'data_folder_not_writable',
    );
    expect(classifyStartupFailure(withCode('EROFS'), options).kind).toBe(
      'data_folder_not_writable',
    );
    expect(classifyStartupFailure(withCode('ENOSPC'), options)).toEqual({
      kind: 'disk_full',
      detail: options.dataDir,
    });
    const otherNode = new Error(
      "The module '/opt/Resguardo/resources/app.asar.unpacked/node_modules/@node-rs/argon2-linux-x64-gnu/argon2.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115.",
    );
    expect(classifyStartupFailure(otherNode, { ...options, stage: 'load' })).toEqual({
      kind: 'install_damaged',
      detail: '@node-rs/argon2-linux-x64-gnu',
    });
    expect(classifyStartupFailure(new Error('something odd\nmore'), options)).toEqual({
      kind: 'unknown',
      detail: 'something odd',
    });
    expect(classifyStartupFailure(withCode('EACCES'), { ...options, stage: 'load' }).kind).toBe(
      'unknown',
    );
  });
});

describe('the start-up dialog words', () => {
  const kinds: StartupFailure['kind'][] = [
    'sandbox_off',
    'part_missing',
    'wrong_architecture',
    'system_library_missing',
    'install_damaged',
    'data_folder_not_writable',
    'disk_full',
    'unknown',
  ];

  it('exist in Spanish and English for every failure, with the detail in them', () => {
    for (const language of ['es', 'en'] as const) {
      for (const kind of kinds) {
        const { title, message } = startupMessage({ kind, detail: 'DETAIL' }, language);
        expect(title.length, `${language} ${kind}`).toBeGreaterThan(0);
        expect(message, `${language} ${kind}`).toContain('DETAIL');
        expect(message, `${language} ${kind}`).not.toContain('{{');
      }
    }
    expect(startupMessage({ kind: 'disk_full', detail: 'x' }, 'es').title).toBe(
      'Resguardo no puede abrirse',
    );
  });

  it("are in the user's chosen language, else the system's", async () => {
    const dir = await tempDir();
    const file = join(dir, 'preferences.json');
    expect(startupLanguage(file, 'es')).toBe('es');
    await writeFile(file, JSON.stringify({ language: 'en', idleMinutes: 5 }));
    expect(startupLanguage(file, 'es')).toBe('en');
    await writeFile(file, '{ not json');
    expect(startupLanguage(file, 'en')).toBe('en');
  });
});

describe('the renderer sandbox', () => {
  const none = { hasSwitch: () => false, argv: ['/opt/Resguardo/resguardo'], env: {} };

  it('is found off by --no-sandbox (on the command line or added), or by the environment', () => {
    expect(sandboxDisabledBy(none)).toBeNull();
    expect(sandboxDisabledBy({ ...none, argv: [...none.argv, '--no-sandbox'] })).toBe(
      '--no-sandbox',
    );
    expect(sandboxDisabledBy({ ...none, hasSwitch: (name) => name === 'no-sandbox' })).toBe(
      '--no-sandbox',
    );
    expect(sandboxDisabledBy({ ...none, env: { ELECTRON_DISABLE_SANDBOX: '1' } })).toBe(
      'ELECTRON_DISABLE_SANDBOX',
    );
    expect(
      sandboxDisabledBy({ ...none, argv: [...none.argv, '--disable-seccomp-filter-sandbox'] }),
    ).toBe('--disable-seccomp-filter-sandbox');
    expect(sandboxDisabledBy({ ...none, argv: [...none.argv, '--no-sandboxes-here'] })).toBeNull();
  });
});

describe('the native modules', () => {
  it('are imported by no module for their value (a bundler would load them at the top)', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = resolve(__dirname, '../../electron');
    const eager =
      /^import (?!type )[^;]*from '(@journeyapps\/sqlcipher|@node-rs\/argon2|sodium-native)'/m;
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const offenders: string[] = [];
    for (const file of files) {
      if (eager.test(await readFile(join(root, file), 'utf8'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });
});
