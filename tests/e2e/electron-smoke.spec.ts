import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  _electron as electron,
  type ElectronApplication,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { electronLauncher, findElectronBinary, findPackagedApp } from './support/electron-binary';
import { createVault, lock, office, openSettings, screen, unlock } from './support/flows';
import { type Language, translator } from './support/i18n';
import { newCaseInput } from './support/records';

/**
 * A real Electron, where one exists (never here: it cannot be downloaded). The unpackaged app
 * (out/main/index.js) through Playwright's `_electron`, and the packaged layout
 * (`electron-builder --dir`) as a user starts it. Each says plainly when it is skipped and why.
 * As root, the app runs as RESGUARDO_ELECTRON_USER (default nobody); with no DISPLAY, under xvfb.
 */
const root = resolve(__dirname, '..', '..');
const binary = findElectronBinary(process.env);
const packaged = findPackagedApp(root, process.env);
if (binary.path === null) console.log(`electron-smoke: skipped: ${binary.reason}`);
if (packaged.path === null) console.log(`electron-smoke (packaged): skipped: ${packaged.reason}`);

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

/** Main's next open dialogs answer `paths`, its save dialogs `savePath` (no native dialog can be driven). */
async function answerDialogsWith(
  app: ElectronApplication,
  paths: string[],
  savePath: string | null = null,
): Promise<void> {
  await app.evaluate(
    ({ dialog }, [chosen, saveTo]) => {
      dialog.showOpenDialog = (async () => ({
        canceled: chosen.length === 0,
        filePaths: chosen,
      })) as unknown as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async () => ({
        canceled: saveTo === null,
        filePath: saveTo ?? '',
      })) as unknown as typeof dialog.showSaveDialog;
    },
    [paths, savePath] as const,
  );
}

test.describe('finding Electron', () => {
  test('a named binary first, then what electron-vite and Electron itself read', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'resguardo-find-electron-'));
    try {
      const electronDir = join(folder, 'electron');
      await mkdir(join(electronDir, 'dist'), { recursive: true });
      expect(findElectronBinary({}, electronDir)).toMatchObject({ path: null });
      await writeFile(join(electronDir, 'path.txt'), 'electron');
      expect(findElectronBinary({}, electronDir)).toMatchObject({
        path: null,
        reason: expect.stringContaining('install-electron'),
      });
      await writeFile(join(electronDir, 'dist', 'electron'), '');
      expect(findElectronBinary({}, electronDir)).toEqual({
        path: join(electronDir, 'dist', 'electron'),
        source: 'node_modules/electron/path.txt',
      });
      const mine = join(folder, 'my-electron');
      await writeFile(mine, '');
      expect(
        findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: folder }, electronDir),
      ).toMatchObject({ path: join(folder, 'electron'), source: 'ELECTRON_OVERRIDE_DIST_PATH' });
      expect(findElectronBinary({ ELECTRON_EXEC_PATH: mine }, electronDir).path).toBe(mine);
      expect(
        findElectronBinary(
          { RESGUARDO_ELECTRON_BINARY: mine, ELECTRON_EXEC_PATH: '/nowhere' },
          electronDir,
        ),
      ).toEqual({ path: mine, source: 'RESGUARDO_ELECTRON_BINARY' });
      expect(() =>
        findElectronBinary({ RESGUARDO_ELECTRON_BINARY: join(folder, 'missing') }, electronDir),
      ).toThrow(/does not exist/);

      expect(findPackagedApp(folder, {}).path).toBeNull();
      await mkdir(join(folder, 'dist', 'linux-unpacked'), { recursive: true });
      await writeFile(join(folder, 'dist', 'linux-unpacked', 'resguardo'), '');
      expect(findPackagedApp(folder, {}).path).toBe(
        join(folder, 'dist', 'linux-unpacked', 'resguardo'),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
  test('the launcher drops root and supplies a display, and passes the arguments on', async () => {
    test.skip(process.platform !== 'linux', 'the launcher only wraps on Linux');
    const folder = await mkdtemp(join(tmpdir(), 'resguardo-launcher-'));
    try {
      await chmod(folder, 0o755);
      // A stand-in binary that reports who runs it, on which display, with which arguments.
      const fake = join(folder, 'electron');
      await writeFile(
        fake,
        '#!/bin/sh\necho "$(id -u) display=${DISPLAY:+yes} home=$HOME args=$*"\n',
        {
          mode: 0o755,
        },
      );
      const env = { ...process.env, DISPLAY: '' };
      const launcher = electronLauncher(fake, env);
      const out = execFileSync(launcher.executablePath, ['--flag', 'main.js'], {
        encoding: 'utf8',
        env,
      }).trim();
      const root = process.getuid?.() === 0;
      expect(out).toBe(
        `${root ? execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim() : process.getuid?.()} display=yes home=${root ? launcher.home : process.env['HOME']} args=--flag main.js`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

test('the Electron app starts sandboxed; evidence, export, dossier and every lock trigger work', async () => {
  test.skip(binary.path === null, binary.path === null ? binary.reason : '');
  test.setTimeout(240_000);
  const launcher = electronLauncher(binary.path!, process.env);
  const dataDir = await mkdtemp(join(tmpdir(), 'resguardo-electron-'));
  launcher.share(dataDir);
  const app = await electron.launch({
    executablePath: launcher.executablePath,
    args: [join(root, 'out', 'main', 'index.js')],
    // Honoured only by an unpackaged app: a profile and vault of this test's own.
    env: { ...process.env, HOME: launcher.home, RESGUARDO_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    expect(page.url()).toMatch(/^app:\/\/resguardo\//);
    // The renderer's process is sandboxed by the OS: seccomp-bpf on Linux, as Electron reports elsewhere.
    const pid = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.webContents.getOSProcessId(),
    );
    if (process.platform === 'linux') {
      expect(readFileSync(`/proc/${pid}/status`, 'utf8')).toMatch(/^Seccomp:\s+2$/m);
    } else {
      const sandboxed = await app.evaluate(
        ({ app: electronApp }, rendererPid) =>
          electronApp.getAppMetrics().find((metric) => metric.pid === rendererPid)?.sandboxed,
        pid,
      );
      expect(sandboxed).toBe(true);
    }
    // (Evaluated as source text: this project's Node-side tsconfig has no DOM types.)
    expect(
      await page.evaluate(
        `({ bridge: Object.keys(window.resguardo).sort(), require: typeof window.require, process: typeof window.process })`,
      ),
    ).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined' });

    const language = (await page.evaluate('document.documentElement.lang')) as Language;
    const t = translator(language);
    await createVault(page, language);
    const { id: caseId } = (await invoke(page, 'cases.create', newCaseInput('Prueba'))) as {
      id: string;
    };

    // The evidence worker, in Electron's Node (BoringSSL, not OpenSSL).
    const photo = join(dataDir, 'foto.bin');
    const bytes = randomBytes(2 * 1024 * 1024);
    await writeFile(photo, bytes);
    launcher.share(photo);
    await answerDialogsWith(app, [photo]);
    const [chosen] = (await invoke(page, 'evidence.chooseFiles', {})) as { token: string }[];
    await invoke(page, 'evidence.intake', { caseId, token: chosen!.token, description: 'Foto' });
    const [item] = (await invoke(page, 'evidence.list', { caseId })) as { sha256: string }[];
    expect(item?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    // A passphrase export (the exchange's threads load libsodium by its path), read back in.
    const exportDir = join(dataDir, 'stick');
    await mkdir(exportDir);
    launcher.share(exportDir);
    await answerDialogsWith(app, [exportDir]);
    const exported = (await invoke(page, 'exchange.export', {
      jobId: randomUUID(),
      scope: { all: true },
      to: { passphrase: 'una frase larga de prueba' },
    })) as { fileName: string };
    expect(await readdir(exportDir)).toEqual([exported.fileName]);
    await answerDialogsWith(app, [join(exportDir, exported.fileName)]);
    const preview = (await invoke(page, 'exchange.preview', {
      passphrase: 'una frase larga de prueba',
    })) as { importId: string; records: { kind: string; id: string }[] };
    expect(preview.records).toContainEqual(expect.objectContaining({ kind: 'cases', id: caseId }));
    await invoke(page, 'exchange.discard', { importId: preview.importId });

    // The dossier worker (pdfkit in out/main/dossier-worker.js, fonts found from Electron).
    const pdf = join(dataDir, 'expediente.pdf');
    await answerDialogsWith(app, [], pdf);
    await invoke(page, 'dossiers.generate', {
      subject: { caseId },
      template: 'iachr',
      language: 'es',
      redaction: { pseudonymize: [], includeContacts: false, includeExactPlaces: false },
      request: {
        summary: 'Amenazas.',
        measuresRequested: 'Protección.',
        workRiskLink: 'Radio.',
        context: '',
      },
      to: { plain: true },
    });
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(item!.sha256);

    // Settings says whether this desktop gave us the system-wide panic key.
    const systemWide = await app.evaluate(({ globalShortcut }) =>
      globalShortcut.isRegistered('CommandOrControl+Shift+L'),
    );
    const settings = await openSettings(page, language);
    await expect(settings.getByTestId('panic-key-scope')).toHaveText(
      t(systemWide ? 'panicKey.systemWide' : 'panicKey.windowOnly'),
    );

    // Every lock trigger, in Electron's own powerMonitor and window.
    const relock = async (trigger: () => Promise<unknown>) => {
      await trigger();
      await expect(screen(page, 'unlock')).toBeVisible({ timeout: 20_000 });
      await unlock(page, language, office.passphrase);
    };
    await relock(() => app.evaluate(({ powerMonitor }) => powerMonitor.emit('suspend')));
    await relock(() => app.evaluate(({ powerMonitor }) => powerMonitor.emit('lock-screen')));
    await relock(() =>
      app.evaluate(({ powerMonitor }) => {
        powerMonitor.getSystemIdleState = () => 'locked';
      }),
    );
    await app.evaluate(({ powerMonitor }) => {
      powerMonitor.getSystemIdleState = () => 'active';
      powerMonitor.getSystemIdleTime = () => 24 * 3600;
    });
    await expect(screen(page, 'unlock')).toBeVisible({ timeout: 20_000 });
    await app.evaluate(({ powerMonitor }) => {
      powerMonitor.getSystemIdleTime = () => 0;
    });
    await unlock(page, language, office.passphrase);
    await relock(async () => {
      // Shown again first: the panic key hides the window.
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+L' : 'Control+Shift+L');
      expect(
        await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible()),
      ).toBe(false);
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.show());
    });
    await lock(page, language);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the packaged app (electron-builder --dir) starts on its own data folder and refuses debugging switches', async () => {
  test.skip(packaged.path === null, packaged.path === null ? packaged.reason : '');
  test.setTimeout(120_000);
  const launcher = electronLauncher(packaged.path!, process.env);
  const ignored = await mkdtemp(join(tmpdir(), 'resguardo-ignored-'));
  launcher.share(ignored);
  const env = { ...process.env, HOME: launcher.home, RESGUARDO_DATA_DIR: ignored };

  const refused = spawnSync(launcher.executablePath, ['--remote-debugging-port=9222'], {
    env,
    timeout: 60_000,
  });
  expect(refused.status).toBe(1);

  const userData =
    process.platform === 'darwin'
      ? join(launcher.home, 'Library', 'Application Support', 'Resguardo')
      : join(launcher.home, '.config', 'Resguardo');
  const child = spawn(launcher.executablePath, [], { env, detached: true, stdio: 'ignore' });
  try {
    await expect.poll(() => existsSync(join(userData, 'vault')), { timeout: 60_000 }).toBe(true);
    expect(child.exitCode).toBeNull();
    // A packaged app never honours the development override.
    expect(await readdir(ignored)).toEqual([]);
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await rm(ignored, { recursive: true, force: true });
  }
});
