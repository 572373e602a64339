import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  _electron as electron,
  type ElectronApplication,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { createVault, lock } from './support/flows';
import { type Language } from './support/i18n';
import { newCaseInput } from './support/records';

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

/** One operation through the page's bridge, as the renderer calls it; its value. */
async function invoke(page: Page, operation: string, input: unknown): Promise<unknown> {
  type Bridge = { resguardo: { invoke(name: string, payload: unknown): Promise<unknown> } };
  const answer = (await page.evaluate(
    ([name, payload]) => (globalThis as unknown as Bridge).resguardo.invoke(name, payload),
    [operation, input] as const,
  )) as { ok: boolean; value?: unknown };
  expect(answer, operation).toMatchObject({ ok: true });
  return answer.value;
}

/** Main's next file or folder dialog answers `path` (no native dialog can be driven). */
async function answerDialogsWith(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () => ({
      canceled: false,
      filePaths: [chosen],
    })) as unknown as typeof dialog.showOpenDialog;
  }, path);
}

const binary = electronBinary();
const SKIP_REASON = 'skipped: no Electron binary on this machine (it cannot be downloaded here)';
if (binary === null) console.log(`electron-smoke: ${SKIP_REASON}`);

test('the Electron app starts sandboxed, creates a vault, exports and reads it back, and locks', async () => {
  test.skip(binary === null, SKIP_REASON);
  const dataDir = await mkdtemp(join(tmpdir(), 'resguardo-electron-'));
  const exportDir = await mkdtemp(join(tmpdir(), 'resguardo-electron-export-'));
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

    // What only Electron's own Node can prove: its crypto is BoringSSL, not OpenSSL. The key
    // slots above are sealed with libsodium; here a passphrase export (scrypt, ChaCha20-Poly1305
    // in the exchange's threads, which load libsodium by its path, then the read-back) is
    // written to a folder and read in again.
    const created = (await invoke(page, 'cases.create', newCaseInput('Prueba de Electron'))) as {
      id: string;
    };
    await answerDialogsWith(app, exportDir);
    const exported = (await invoke(page, 'exchange.export', {
      jobId: randomUUID(),
      scope: { all: true },
      to: { passphrase: 'una frase larga de prueba' },
    })) as { fileName: string; recordCount: number };
    expect(exported.recordCount).toBeGreaterThan(0);
    expect(await readdir(exportDir)).toEqual([exported.fileName]);
    await answerDialogsWith(app, join(exportDir, exported.fileName));
    const preview = (await invoke(page, 'exchange.preview', {
      passphrase: 'una frase larga de prueba',
    })) as { importId: string; records: { kind: string; id: string }[] };
    expect(preview.records).toContainEqual(
      expect.objectContaining({ kind: 'cases', id: created.id }),
    );
    await invoke(page, 'exchange.discard', { importId: preview.importId });

    await lock(page, language);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  }
});
