import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './support/axe';
import { expect, openApp, test } from './support/fixtures';
import { applyPreview, exportToStick, openExchangeTab, swapCards } from './support/exchange-flows';
import { createVault, office } from './support/flows';
import { startHostProcess } from './support/host-process';
import { translator } from './support/i18n';
import { addAggression, createCase, createPerson } from './support/records';

const t = translator('es');
const B_NAME = 'Oficina Tegucigalpa';

test("a stick's files say who sent them and when; records going back ask no consent again", async ({
  app: pageA,
  host: hostA,
  browser,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'resguardo-listing-'));
  const hostB = await startHostProcess({ dataDir: join(work, 'b'), language: 'es' });
  const contextB = await browser.newContext({ locale: 'es-ES' });
  const pageB = await contextB.newPage();
  try {
    await pageB.setViewportSize({ width: 1024, height: 700 });
    const stick = join(work, 'stick');
    await mkdir(stick);
    await openApp(pageB, hostB.url);
    await createVault(pageA, 'es');
    await createVault(pageB, 'es', { ...office, officeName: B_NAME });
    const caseId = await createCase(hostA, 'Amenazas a la radio comunitaria');
    await addAggression(hostA, caseId, await createPerson(hostA, 'Carmen López Ruiz'));
    const a = { page: pageA, host: hostA, name: office.officeName };
    const b = { page: pageB, host: hostB, name: B_NAME };
    await swapCards(a, b, work);

    // A's file for B, and A's own copy under a passphrase, on the stick.
    const fromA = await exportToStick(pageA, hostA, B_NAME, stick, {
      withoutConsent: ['Carmen López Ruiz'],
    });
    const folder = join(work, 'copia');
    await hostA.setDialogs({ openPaths: [], savePath: null, folder });
    await hostA.ipc('exchange.export', {
      jobId: crypto.randomUUID(),
      scope: { all: true },
      to: { passphrase: 'tortuga veleta naranjo cometa 83' },
    });
    const [copy] = await readdir(folder);
    await rename(join(folder, copy!), join(stick, copy!));

    await hostB.setDrives([{ label: 'KINGSTON', path: stick }]);
    await openExchangeTab(pageB, 'import');
    const files = pageB.getByTestId('drive-file');
    const fromAItem = files.filter({ hasText: fromA });
    await expect(fromAItem).toContainText(office.officeName);
    // "Sent by <office> on <date>…": the sentence up to the date, with the office's name.
    const sentBy = t('handoff.import.stickFile.from_verified', {
      office: office.officeName,
      when: 'WHEN',
    }).split('WHEN')[0]!;
    await expect(fromAItem).toContainText(sentBy);
    await expect(files.filter({ hasText: copy! })).toContainText(
      t('handoff.import.stickFile.passphrase'),
    );
    await expectNoSeriousViolations(pageB, 'stick listing');

    // B takes A's file in, then sends the case back: its people came from A, so no consent is
    // asked (main would refuse the export otherwise: nothing was accepted).
    await fromAItem
      .getByRole('button', { name: t('handoff.import.readFile', { name: fromA }) })
      .click();
    const preview = pageB.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await applyPreview(pageB, preview, { new: 4, update: 0, conflict: 0, evidence: 0 });
    const back = await exportToStick(pageB, hostB, office.officeName, stick);
    await expect(pageB.getByTestId('consent-warning')).toHaveCount(0);

    // B's own file is marked as its own.
    await openExchangeTab(pageB, 'import');
    await expect(files.filter({ hasText: back })).toContainText(
      t('handoff.import.stickFile.ownBadge'),
    );
    await expectNoSeriousViolations(pageB, 'stick listing with an own file');
    await pageB
      .getByRole('region', { name: t('handoff.import.driveFiles', { label: 'KINGSTON' }) })
      .scrollIntoViewIfNeeded();
    await pageB.screenshot({ path: 'test-results/stick-listing-es.png' });
  } finally {
    await contextB.close();
    await hostB.stop();
    await rm(work, { recursive: true, force: true });
  }
});
