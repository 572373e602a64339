import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME, resolveRuntime } from '../../electron/main/runtime';

const root = join(__dirname, '../..');

describe('the data folder', () => {
  it('is the same for npm start and the installed app', () => {
    const paths = { mainDir: '/app/out/main', appDataDir: '/home/ana/.config', env: {} };
    const dev = resolveRuntime({ packaged: false, ...paths });
    const installed = resolveRuntime({ packaged: true, ...paths });
    expect(dev.userDataDir).toBe('/home/ana/.config/Resguardo');
    expect(installed.userDataDir).toBe(dev.userDataDir);
  });

  it('bears the product name package.json and electron-builder.yml give the app', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      productName?: string;
    };
    const builder = await readFile(join(root, 'electron-builder.yml'), 'utf8');
    expect(manifest.productName).toBe(APP_FOLDER_NAME);
    expect(builder).toMatch(new RegExp(`^productName: ${APP_FOLDER_NAME}$`, 'm'));
  });
});
