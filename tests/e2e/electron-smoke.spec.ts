import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { createVault, lock } from './support/flows';
import { type Language } from './support/i18n';

const root = resolve(__dirname, '..', '..');

/**
 * The Electron binary named by the electron package, found WITHOUT `require('electron')`
 * (which would try to download it). `null` when this machine has none.
 */
function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(
    root,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON = 'skipped: no Electron binary on this machine (it cannot be downloaded here)';
if (binary === null) console.log(`electron-smoke: ${SKIP_REASON}`);

test('the Electron app starts sandboxed, creates a vault and locks it', async () => {
  test.skip(binary === null, SKIP_REASON);
  const dataDir = await mkdtemp(join(tmpdir(), 'resguardo-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(root, 'out', 'main', 'index.js')],
    // Honoured only by an unpackaged app: a profile and vault of this test's own.
    env: { ...process.env, RESGUARDO_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    expect(page.url()).toMatch(/^app:\/\/resguardo\//);

    // The page sees the bridge and nothing of Node or Electron.
    // (Evaluated as source text: this project's Node-side tsconfig has no DOM types.)
    const globals = await page.evaluate(
      `({ bridge: Object.keys(window.resguardo).sort(), require: typeof window.require, process: typeof window.process })`,
    );
    expect(globals).toEqual({
      bridge: ['invoke', 'on'],
      require: 'undefined',
      process: 'undefined',
    });

    const language = (await page.evaluate('document.documentElement.lang')) as Language;
    await createVault(page, language);
    await lock(page, language);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
