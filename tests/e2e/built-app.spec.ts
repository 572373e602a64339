import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { APP_CSP } from '../../electron/security/csp';
import { type BuiltApp, startBuiltApp } from './support/built-app';
import { createVault, openSettings, screen, unlock, office } from './support/flows';
import { translator } from './support/i18n';
import { newCaseInput } from './support/records';

/**
 * The BUILT bundles as they ship (out/main, out/preload, out/renderer, the workers), with no
 * Electron: main under Node with the Electron stand-in (tests/shell), its window in Chromium.
 * `npm test` builds first; alone: `npx electron-vite build && npx playwright test built-app`.
 */
const root = resolve(__dirname, '..', '..');
const t = translator('es');

/** One operation through the page's bridge (the built preload, main's real handler); its value. */
async function invoke(page: Page, operation: string, input: unknown): Promise<unknown> {
  const answer = (await page.evaluate(
    ([name, payload]) =>
      (
        globalThis as unknown as {
          resguardo: { invoke(n: string, p: unknown): Promise<unknown> };
        }
      ).resguardo.invoke(name, payload),
    [operation, input] as const,
  )) as { ok: boolean; value?: unknown };
  expect(answer, operation).toMatchObject({ ok: true });
  return answer.value;
}

const noDialogs = { openPaths: [], savePath: null, folder: null, importPath: null };

/** The vault locked (main's log says why) and the page is back on the unlock screen. */
async function expectLocked(app: BuiltApp, page: Page, reason: string, count: number) {
  await expect(screen(page, 'unlock')).toBeVisible({ timeout: 20_000 });
  const locks = () => app.logs().split(`vault locked { reason: '${reason}' }`).length - 1;
  await expect.poll(locks, { message: `locks for ${reason}` }).toBe(count);
}

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

test('the window is sandboxed and isolated, and refuses new windows, navigation away and permissions', async ({
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

    // Main's guards on the window: no new windows, no navigation away, no permission.
    expect(await app.guards('https://example.org/', 'media')).toEqual({
      windowOpen: 'deny',
      navigationPrevented: true,
      redirectPrevented: true,
      permissionGranted: false,
    });
    expect(await app.guards('app://resguardo/index.html', 'notifications')).toMatchObject({
      navigationPrevented: false,
      permissionGranted: false,
    });

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

test('a whole journey through the built bundles and their workers: create, case, evidence, export, dossier; the panic key in the window locks', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // As under native Wayland: no system-wide shortcut.
  await withBuiltApp(page, { globalShortcuts: false }, async (app, dataDir) => {
    await createVault(page, 'es');
    const settings = await openSettings(page, 'es');
    await expect(settings.getByTestId('panic-key-scope')).toHaveText(t('panicKey.windowOnly'));

    const { id: caseId } = (await invoke(
      page,
      'cases.create',
      newCaseInput('Amenazas a la radio comunitaria'),
    )) as { id: string };

    // Evidence: main's file dialog answers a file; the evidence worker hashes and encrypts it.
    const photo = join(dataDir, 'foto.bin');
    const bytes = randomBytes(3 * 1024 * 1024);
    await writeFile(photo, bytes);
    await app.scenario({ dialogs: { ...noDialogs, openPaths: [photo] } });
    const [chosen] = (await invoke(page, 'evidence.chooseFiles', {})) as { token: string }[];
    await invoke(page, 'evidence.intake', { caseId, token: chosen!.token, description: 'Foto' });
    const [item] = (await invoke(page, 'evidence.list', { caseId })) as { sha256: string }[];
    expect(item?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const stored = await readdir(join(dataDir, 'vault'), { recursive: true });
    for (const name of stored) {
      const path = join(dataDir, 'vault', name);
      const content = await readFile(path).catch(() => null);
      if (content !== null) expect(content.includes(bytes.subarray(0, 64)), name).toBe(false);
    }

    // Export to a folder (the exchange's worker threads), read back by the import's preview.
    const exportDir = join(dataDir, 'stick');
    await rm(exportDir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(exportDir));
    await app.scenario({ dialogs: { ...noDialogs, folder: exportDir } });
    const exported = (await invoke(page, 'exchange.export', {
      jobId: randomUUID(),
      scope: { all: true },
      to: { passphrase: 'una frase larga de prueba' },
    })) as { fileName: string; evidenceCount: number };
    expect(exported.evidenceCount).toBe(1);
    expect(await readdir(exportDir)).toEqual([exported.fileName]);
    await app.scenario({
      dialogs: { ...noDialogs, importPath: join(exportDir, exported.fileName) },
    });
    const preview = (await invoke(page, 'exchange.preview', {
      passphrase: 'una frase larga de prueba',
    })) as { importId: string; records: { kind: string; id: string }[] };
    expect(preview.records).toContainEqual(expect.objectContaining({ kind: 'cases', id: caseId }));
    await invoke(page, 'exchange.discard', { importId: preview.importId });

    // Dossier: pdfkit in out/main/dossier-worker.js, saved where main's save dialog says.
    const pdf = join(dataDir, 'expediente.pdf');
    await app.scenario({ dialogs: { ...noDialogs, savePath: pdf } });
    const dossier = (await invoke(page, 'dossiers.generate', {
      subject: { caseId },
      template: 'iachr',
      language: 'es',
      redaction: { pseudonymize: [], includeContacts: false, includeExactPlaces: false },
      request: {
        summary: 'Amenazas reiteradas contra la radio.',
        measuresRequested: 'Protección.',
        workRiskLink: 'Informa sobre el territorio.',
        context: '',
      },
      to: { plain: true },
    })) as { pages: number; encrypted: boolean };
    expect(dossier).toMatchObject({ encrypted: false });
    expect(dossier.pages).toBeGreaterThan(0);
    // Real PDF bytes, naming the office and indexing the evidence by its hash.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(office.officeName);
    expect(text).toContain(item!.sha256);

    // The dialog adapters: each native dialog asked with the window as its parent.
    const dialogs = app.calls().filter((call) => call.api.startsWith('dialog.'));
    expect(dialogs.map((call) => call.api)).toEqual([
      'dialog.showOpenDialog',
      'dialog.showOpenDialog',
      'dialog.showOpenDialog',
      'dialog.showSaveDialog',
    ]);
    expect(dialogs.map((call) => (call.args[0] as { options: unknown }).options)).toEqual([
      { properties: ['openFile', 'multiSelections'] },
      { properties: ['openDirectory', 'createDirectory'] },
      { properties: ['openFile'] },
      { defaultPath: expect.stringMatching(/\.pdf$/), properties: ['showOverwriteConfirmation'] },
    ]);
    expect(dialogs.every((call) => (call.args[0] as { parent: boolean }).parent)).toBe(true);

    // The panic key inside the window, with no system-wide shortcut: hidden, then locked.
    await page.getByRole('heading', { name: t('sections.settings.title') }).click();
    await page.keyboard.press('Control+Shift+L');
    await expectLocked(app, page, 'panic', 1);
    expect(app.calls().map((call) => call.api)).toContain('BrowserWindow.hide');
    await unlock(page, 'es', office.passphrase);
  });
});

test('every lock trigger locks the built app: suspend, the screen locking, system idle, app idle, the global panic key', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await withBuiltApp(page, {}, async (app) => {
    expect((await app.state()).globalShortcuts).toEqual(['CommandOrControl+Shift+L']);
    await createVault(page, 'es');
    const settings = await openSettings(page, 'es');
    await expect(settings.getByTestId('panic-key-scope')).toHaveText(t('panicKey.systemWide'));
    await expect(settings).toContainText(t('panicKey.keysCtrl'));

    await app.power('suspend');
    await expectLocked(app, page, 'suspend', 1);
    await unlock(page, 'es', office.passphrase);

    // Linux has no lock-screen event: main polls the idle state and sees the screen locked.
    await app.scenario({ systemIdleState: 'locked' });
    await expectLocked(app, page, 'screen', 1);
    // While it stays locked, opening the vault again is not undone by the same lock.
    await unlock(page, 'es', office.passphrase);
    await page.waitForTimeout(2_500); // longer than one poll (2 s)
    await expect(screen(page, 'home')).toBeVisible();
    await app.scenario({ systemIdleState: 'active' });
    // The event, where the system sends it (macOS, Windows).
    await app.power('lock-screen');
    await expectLocked(app, page, 'screen', 2);
    await unlock(page, 'es', office.passphrase);

    // The system says idle for the default 5 minutes.
    await app.scenario({ systemIdleSeconds: 300 });
    await expectLocked(app, page, 'idle', 1);
    await app.scenario({ systemIdleSeconds: 0 });
    await unlock(page, 'es', office.passphrase);

    // The system's idle time stays 0 (some Wayland sessions); the window's own input clock,
    // reset by each key and click in it, says idle once 5 minutes pass without any.
    await app.advanceClock(200_000);
    const inputs = (await app.state()).inputs;
    await page.getByRole('heading').first().click();
    await expect.poll(async () => (await app.state()).inputs).toBeGreaterThan(inputs);
    await app.advanceClock(200_000);
    await page.waitForTimeout(2_500); // longer than one poll (2 s)
    await expect(screen(page, 'home')).toBeVisible();
    await app.advanceClock(101_000);
    await expectLocked(app, page, 'idle', 2);
    await unlock(page, 'es', office.passphrase);

    // The global shortcut, pressed while another program has the focus: hidden, then locked.
    expect(await app.pressGlobalShortcut('CommandOrControl+Shift+L')).toBe(200);
    await expectLocked(app, page, 'panic', 1);
    expect((await app.state()).windows[0]!.visible).toBe(false);
  });
});

test('a start-up failure says so in a native dialog and exits with an error, leaving no window', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'resguardo-built-fail-'));
  try {
    // The data folder cannot be made: a file stands where it should be.
    const blocked = join(folder, 'data');
    await writeFile(blocked, '');
    const app = await startBuiltApp({ dataDir: blocked });
    await app.ready();
    expect(await app.exitCode()).toBe(1);
    const apis = app.calls().map((call) => call.api);
    expect(apis).toContain('dialog.showErrorBox');
    expect(apis.indexOf('dialog.showErrorBox')).toBeLessThan(apis.indexOf('app.exit'));
    expect(apis).not.toContain('new BrowserWindow');
    const [title, message] = app.calls().find((c) => c.api === 'dialog.showErrorBox')!
      .args as string[];
    // The words come from the catalogues (startup.*): what happened, and what to do.
    expect(title).toMatch(/^(Resguardo no puede abrirse|Resguardo cannot open)$/);
    expect(message).toMatch(/carpeta de datos|data folder/);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
