import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { startBuiltApp } from '../tests/e2e/support/built-app';
import { percentile, type PrintFigure } from './print';

const RUNS = 3;
const root = resolve(__dirname, '..');

/**
 * The built app without Electron (the stand-in, tests/shell; Chromium for the window):
 * `app.start_to_unlock_screen`, from loading the main bundle to the unlock screen drawn, and
 * `app.idle_rss`, the main bundle's resident memory with the vault open and nothing happening
 * (`app.idle_rss_locked`: before the unlock, whose Argon2id needs 384 MiB)
 * (Electron's own Chromium processes come on top; only a real Electron can measure those).
 */
export async function benchApp(print: PrintFigure): Promise<void> {
  if (!existsSync(join(root, 'out', 'main', 'index.js')))
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  const dataDir = await mkdtemp(join(tmpdir(), 'resguardo-bench-app-'));
  const browser = await chromium.launch({
    executablePath: process.env['RESGUARDO_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const passphrase = 'una frase de acceso larga para medir';
  try {
    // A vault to unlock, made through the bundle's own IPC handler.
    const first = await startBuiltApp({ dataDir });
    const setup = await browser.newPage();
    await first.open(setup);
    const id = (await first.state()).windows[0]!.webContentsId;
    await first.invokeAs(
      { webContentsId: id, url: 'app://resguardo/index.html', top: true },
      'resguardo:invoke',
      ['vault.create', { officeName: 'Red', displayName: 'Ana', passphrase }],
    );
    await setup.close();
    await first.stop();

    const starts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const app = await startBuiltApp({ dataDir });
      try {
        await app.open(page);
        await page.getByTestId('screen-unlock').waitFor({ state: 'visible' });
        starts.push(Date.now() - app.loadStartedAt);
        if (run === RUNS - 1) {
          await new Promise((done) => setTimeout(done, 3_000));
          print('app.idle_rss_locked', rssMiB(app.pid), 'MiB');
          await page
            .getByLabel(/frase de acceso/i)
            .first()
            .fill(passphrase);
          await page.keyboard.press('Enter');
          // Unlocked (the recovery key screen: this vault's key was never confirmed).
          await page
            .getByTestId('screen-recovery-key')
            .waitFor({ state: 'visible', timeout: 60_000 });
          await new Promise((done) => setTimeout(done, 3_000));
          print('app.idle_rss', rssMiB(app.pid), 'MiB');
        }
      } finally {
        await page.close();
        await app.stop();
      }
    }
    print('app.start_to_unlock_screen', percentile(starts, 50), 'ms');
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]) / 1024;
}
