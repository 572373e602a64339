import { readdir } from 'node:fs/promises';
import {
  exportSummaryText,
  openExchangeTab,
  startPassphraseExport,
} from './support/exchange-flows';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { translator } from './support/i18n';
import { cancelJobByKeyboard, caseWithLargeEvidence, seeJobProgress } from './support/job-flows';

const t = translator('es');
const PASSPHRASE = 'tortuga veleta naranjo cometa 83';

// A stick that takes a second more to flush every 32 MiB: the export lasts several seconds.
test.use({ slowDriveMs: 1000 });

test('an export shows its progress, and Cancel stops it leaving no file on the stick', async ({
  app: page,
  host,
  dataDir,
}) => {
  await createVault(page, 'es');
  const { stick } = await caseWithLargeEvidence(host, dataDir, 160);

  await openExchangeTab(page, 'export');
  await startPassphraseExport(page, PASSPHRASE, 'KINGSTON');

  // The bar moves while the file is written (main sends progress as the evidence goes in).
  await seeJobProgress(page, 'export in progress');
  // Cancel by keyboard: the job stops, says so, and nothing is left on the stick.
  await cancelJobByKeyboard(page, t('handoff.export.cancelled'));
  expect(await readdir(stick)).toEqual([]);

  // The same export, left to run, finishes: read back, verified, safe to remove the stick.
  // Records: the case, the evidence item and its custody entry (its intake).
  await page.getByRole('button', { name: t('handoff.export.start'), exact: true }).click();
  await expect(page.getByText(exportSummaryText(3, 1), { exact: false })).toBeVisible({
    timeout: 60_000,
  });
  expect(await readdir(stick)).toEqual([expect.stringMatching(/^rg-[0-9a-f]{8}\.age$/)]);
});
