import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './support/axe';
import { openExchangeTab, startPassphraseExport } from './support/exchange-flows';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { translator } from './support/i18n';
import { createCase } from './support/records';

const t = translator('es');
const PASSPHRASE = 'tortuga veleta naranjo cometa 83';
const MiB = 1024 * 1024;

// A stick that takes a second more to flush every 32 MiB: the export lasts several seconds.
test.use({ slowDriveMs: 1000 });

test('an export shows its progress, and Cancel stops it leaving no file on the stick', async ({
  app: page,
  host,
  dataDir,
}) => {
  await createVault(page, 'es');
  // One case with 160 MiB of evidence, taken in as the user would (main's file dialog).
  const caseId = await createCase(host, 'Amenazas a la radio comunitaria');
  const video = join(dataDir, 'grabacion.bin');
  await writeFile(video, randomBytes(160 * MiB));
  await host.setDialogs({ openPaths: [video], savePath: null });
  const [chosen] = (await host.ipc('evidence.chooseFiles', {})) as { token: string }[];
  await host.ipc('evidence.intake', {
    caseId,
    token: chosen!.token,
    description: 'Grabación de la llamada',
  });
  const stick = join(dataDir, 'stick');
  await mkdir(stick);
  await host.setDrives([{ label: 'KINGSTON', path: stick }]);

  await openExchangeTab(page, 'export');
  await startPassphraseExport(page, PASSPHRASE, 'KINGSTON');

  // The bar moves while the file is written (main sends progress as the evidence goes in).
  const bar = page.getByTestId('job-progress').getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
  await expectNoSeriousViolations(page, 'export in progress');
  // Cancel by keyboard: the job stops, says so, and nothing is left on the stick.
  const cancel = page.getByRole('button', { name: t('handoff.export.cancel'), exact: true });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(t('handoff.export.cancelled'))).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('job-progress')).toBeHidden();
  expect(await readdir(stick)).toEqual([]);

  // The same export, left to run, finishes: read back, verified, safe to remove the stick.
  // Records: the case, the evidence item and its custody entry (its intake).
  await page.getByRole('button', { name: t('handoff.export.start'), exact: true }).click();
  await expect(
    page.getByText(t('handoff.export.summary', { records: 3, evidence: 1 }), { exact: false }),
  ).toBeVisible({ timeout: 60_000 });
  expect(await readdir(stick)).toEqual([expect.stringMatching(/^rg-[0-9a-f]{8}\.age$/)]);
});
