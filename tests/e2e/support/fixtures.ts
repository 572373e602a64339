import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { type HostProcess, startHostProcess } from './host-process';

export interface Fixtures {
  /** A fresh temporary data folder, removed after the test. */
  dataDir: string;
  /** A test host on that folder (system language Spanish, fast KDF). */
  host: HostProcess;
  /** The page, opened on the host and loaded. */
  app: Page;
  /** `test.use({ slowDriveMs })`: each flush of an export waits this long (a slow stick). */
  slowDriveMs: number | undefined;
  /** `test.use({ slowReadMs })`: an import pauses this long after every 4 MiB read. */
  slowReadMs: number | undefined;
  /** `test.use({ slowCopyMs })`: a copy of evidence pauses this long after every 4 MiB. */
  slowCopyMs: number | undefined;
}

export const test = base.extend<Fixtures>({
  // Playwright requires the object-destructuring pattern for fixtures without dependencies.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'resguardo-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  slowDriveMs: [undefined, { option: true }],
  slowReadMs: [undefined, { option: true }],
  slowCopyMs: [undefined, { option: true }],
  host: async ({ dataDir, slowDriveMs, slowReadMs, slowCopyMs }, use, testInfo) => {
    const host = await startHostProcess({
      dataDir,
      language: 'es',
      slowDriveMs,
      slowReadMs,
      slowCopyMs,
    });
    await use(host);
    await host.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('test-host.log', { body: host.logs(), contentType: 'text/plain' });
    }
  },
  app: async ({ page, host }, use) => {
    // The page runs under the app's CSP: a violation, an uncaught error or a console error
    // fails the test (a blocked script or style is a broken feature even when it is silent).
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    // Violations also reach the console as errors, with the directive. (Source text: the
    // Node-side tsconfig has no DOM types.)
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
    await openApp(page, host.url);
    await use(page);
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

/** Open (or reopen) the app and wait for the explicit markers: app loaded, event stream open. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForReady(page);
}

export async function waitForReady(page: Page): Promise<void> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.locator('html[data-test-events="open"]')).toBeAttached();
}

export { expect };
