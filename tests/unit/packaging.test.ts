import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir';

const root = resolve(__dirname, '../..');
const read = (file: string) => readFile(join(root, file), 'utf8');

/** electron-builder's template filling, as in app-builder-lib's FpmTarget (writeConfigFile). */
const filled = (template: string) =>
  template.replace(/\$\{([a-zA-Z]+)\}/g, (match, name: string) =>
    name === 'executable' ? 'resguardo' : name === 'sanitizedProductName' ? 'Resguardo' : match,
  );

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    interface ConfigModule {
      getConfig(projectDir: string, file: null, extra: null): Promise<object>;
      validateConfiguration(config: object, logger: object): Promise<void>;
    }
    const configModule = 'app-builder-lib/out/util/config/config';
    const { getConfig, validateConfiguration } = (await import(configModule)) as ConfigModule;
    const { DebugLogger } = (await import('builder-util')) as {
      DebugLogger: new (enabled: boolean) => object;
    };
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});

describe('the Linux package', () => {
  it('is a .deb only: no AppImage, whose launcher adds --no-sandbox', async () => {
    const builder = await read('electron-builder.yml');
    const linux = /^linux:\n(?: .*\n)+/m.exec(builder)?.[0] ?? '';
    expect(linux).toMatch(/^ {4}- deb$/m);
    expect(builder).not.toMatch(/^ {4}- AppImage$/m);
    expect(builder).toMatch(/^ {2}afterInstall: resources\/linux\/after-install\.sh$/m);
    expect(builder).toMatch(/^ {2}appArmorProfile: resources\/linux\/apparmor-profile$/m);
  });

  it('sets up chrome-sandbox SUID root and installs the AppArmor profile, as valid bash', async () => {
    const script = filled(await read('resources/linux/after-install.sh'));
    expect(script).toContain('chown root:root "$app_dir/chrome-sandbox"');
    expect(script).toContain('chmod 4755 "$app_dir/chrome-sandbox"');
    expect(script).toContain("profile_target='/etc/apparmor.d/resguardo'");
    expect(script).not.toContain('no-sandbox');
    const file = join(await tempDir(), 'after-install.sh');
    await writeFile(file, script);
    execFileSync('bash', ['-n', file]);
    const profile = filled(await read('resources/linux/apparmor-profile'));
    expect(profile).toContain('profile "resguardo" "/opt/Resguardo/resguardo"');
    expect(profile).toMatch(/^\s+userns,$/m);
  });
});

describe('a macOS build', () => {
  type Run = (command: string, args: string[]) => void;
  interface Hook {
    signAdHocIfUnsigned(appPath: string, run: Run): 'kept' | 'ad-hoc';
  }
  const hookFile = join(root, 'scripts/packaging/ad-hoc-sign.mjs');

  it('is signed ad hoc after the fuses when no identity signed it, and left alone when one did', async () => {
    const builder = await read('electron-builder.yml');
    expect(builder).toMatch(/^afterSign: \.\/scripts\/packaging\/ad-hoc-sign\.mjs$/m);
    const hook = (await import(hookFile)) as Hook;
    const calls: string[] = [];
    const unsigned: Run = (command, args) => {
      calls.push([command, ...args].join(' '));
      if (args[0] === '--verify') throw new Error('code object is not signed at all');
    };
    expect(hook.signAdHocIfUnsigned('/dist/Resguardo.app', unsigned)).toBe('ad-hoc');
    expect(calls).toEqual([
      'codesign --verify --deep --strict /dist/Resguardo.app',
      'codesign --force --deep --sign - /dist/Resguardo.app',
    ]);
    calls.length = 0;
    const signed: Run = (command, args) => void calls.push([command, ...args].join(' '));
    expect(hook.signAdHocIfUnsigned('/dist/Resguardo.app', signed)).toBe('kept');
    expect(calls).toHaveLength(1);
  });
});
