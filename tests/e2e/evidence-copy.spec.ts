import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './support/axe';
import { openCases } from './support/exchange-flows';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { translator } from './support/i18n';
import { caseWithLargeEvidence } from './support/job-flows';

const t = translator('es');

// A stick that takes its time: the copy pauses a quarter of a second after every 4 MiB.
test.use({ slowCopyMs: 250 });

test('a copy of evidence shows its progress, and Cancel stops it leaving no file', async ({
  app: page,
  host,
  dataDir,
}) => {
  await createVault(page, 'es');
  const { stick } = await caseWithLargeEvidence(host, dataDir, 64);
  await host.setDialogs({ openPaths: [], savePath: join(stick, 'grabacion.bin') });
  await openCases(page);
  await page.getByRole('link', { name: 'Amenazas a la radio comunitaria' }).click();

  const saveCopy = async () => {
    await page
      .getByRole('button', { name: t('attachment.saveCopy', { name: 'grabacion.bin' }) })
      .click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: t('attachment.saveCopyConfirm'), exact: true })
      .click();
  };
  await saveCopy();
  // The bar moves while the copy is written, and says what it is doing.
  const job = page.getByTestId('evidence-job');
  await expect(job).toContainText(t('attachment.copying', { name: 'grabacion.bin' }));
  const bar = job.getByRole('progressbar');
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(
    Number(await bar.getAttribute('aria-valuemax')),
  );
  await expectNoSeriousViolations(page, 'evidence copy in progress');
  // Cancel by keyboard: the copy stops, says so, and nothing is left on the stick.
  await job.getByRole('button', { name: t('attachment.cancel'), exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(t('attachment.copyCancelled', { name: 'grabacion.bin' })),
  ).toBeVisible({ timeout: 20_000 });
  await expect(job).toBeHidden();
  expect(await readdir(stick)).toEqual([]);

  // Left to run, the copy is saved, with the hash it was checked against.
  await saveCopy();
  const sha256 = createHash('sha256')
    .update(await readFile(join(dataDir, 'grabacion.bin')))
    .digest('hex');
  await expect(
    page.getByText(t('attachment.copySaved', { name: 'grabacion.bin', sha256 })),
  ).toBeVisible({ timeout: 60_000 });
  expect(await readdir(stick)).toEqual(['grabacion.bin']);
});
