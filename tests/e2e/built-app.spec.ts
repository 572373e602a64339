import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { APP_CSP } from '../../electron/security/csp';
import { type BuiltApp, startBuiltApp } from './support/built-app';
import { screen } from './support/flows';

/**
 * The BUILT bundles as they ship (out/main, out/preload, out/renderer, the workers), with no
 * Electron: main under Node with the Electron stand-in (tests/shell), its window in Chromium.
 * `npm test` builds first; alone: `npx electron-vite build && npx playwright test built-app`.
 */
const root = resolve(__dirname, '..', '..');

async function withBuiltApp(
  page: Page,
  options: { globalShortcuts?: boolean },
  run: (app: BuiltApp, dataDir: string) => Promise<void>,
): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'resguardo-built-'));
  const app = await startBuiltApp({ dataDir, ...options });
  try {
    await app.open(page);
    await run(app, dataDir);
  } catch (error) {
    throw new Error(`${String(error)}\n--- main's log ---\n${app.logs()}`, { cause: error });
  } finally {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

test('the window is sandboxed and isolated, app:// serves the build with the CSP, IPC answers its window only', async ({
  page,
}) => {
  await withBuiltApp(page, {}, async (app) => {
    const state = await app.state();
    expect(state.windows).toHaveLength(1);
    const { options, url, visible } = state.windows[0]!;
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toBe(join(root, 'out', 'preload', 'index.cjs'));
    expect(existsSync(options.webPreferences!.preload!)).toBe(true);
    expect(url).toBe('app://resguardo/index.html');
    expect(visible).toBe(true);
    const apis = app.calls().map((call) => call.api);
    expect(apis).toContain('app.enableSandbox');
    expect(app.calls().find((c) => c.api === 'protocol.registerSchemesAsPrivileged')?.args).toEqual(
      [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    );

    // The page: the preload's bridge and nothing of Node; the first-run screen.
    await expect(screen(page, 'create')).toBeVisible();
    expect(
      await page.evaluate(
        `({ bridge: Object.keys(window.resguardo).sort(), require: typeof window.require, process: typeof window.process })`,
      ),
    ).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
  });
});

test('app:// answers with the CSP, refuses traversal and other hosts; foreign requests are cancelled', async ({
  page,
}) => {
  await withBuiltApp(page, {}, async (app) => {
    const index = await app.request('app://resguardo/index.html');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(APP_CSP);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body.toString('utf8')).toContain('<div id="root">');
    for (const hostile of [
      'app://resguardo/%2e%2e/main/index.js',
      'app://resguardo/..%2fmain%2findex.js',
      'app://resguardo/assets/%2e%2e%2f%2e%2e%2fpreload%2findex.cjs',
      'app://resguardo/..%5cpackage.json',
    ]) {
      const answer = await app.request(hostile);
      expect(answer.status, hostile).toBe(404);
      expect(answer.headers['content-security-policy'], hostile).toBe(APP_CSP);
    }
    expect((await app.request('app://resguardo/index.html', 'POST')).status).toBe(404);
    for (const foreign of [
      'https://example.org/',
      'http://127.0.0.1:9/',
      'file:///etc/passwd',
      'app://other/index.html',
    ])
      expect((await app.request(foreign)).cancel, foreign).toBe(true);
  });
});

test('the one IPC channel serves the main window top frame on app:// and refuses every other sender', async ({
  page,
}) => {
  await withBuiltApp(page, {}, async (app) => {
    const state = await app.state();
    expect(state.ipcChannels).toEqual(['resguardo:invoke']);
    const id = state.windows[0]!.webContentsId;
    const own = { webContentsId: id, url: 'app://resguardo/index.html', top: true };
    expect(await app.invokeAs(own, 'resguardo:invoke', ['app.status', {}])).toMatchObject({
      ok: true,
      value: { state: 'no_vault' },
    });
    for (const sender of [
      { ...own, webContentsId: id + 1 },
      { ...own, top: false },
      { ...own, url: 'https://evil.example/' },
      { ...own, url: 'app://other/index.html' },
    ]) {
      expect(
        await app.invokeAs(sender, 'resguardo:invoke', ['app.status', {}]),
        JSON.stringify(sender),
      ).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    // The contract still judges what the right sender asks.
    expect(await app.invokeAs(own, 'resguardo:invoke', ['fs.readFile', {}])).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    expect(await app.invokeAs(own, 'resguardo:invoke', ['vault.unlock', { x: 1 }])).toMatchObject({
      ok: false,
    });
  });
});
