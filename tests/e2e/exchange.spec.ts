import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, openApp, test } from './support/fixtures';
import { createVault, office } from './support/flows';
import { startHostProcess } from './support/host-process';
import { translator } from './support/i18n';

const t = translator('es');
const CASE_TITLE = 'Amenazas a la radio comunitaria';

async function openExchangeTab(page: Page, tab: string) {
  await page
    .getByRole('navigation', { name: t('shell.navLabel'), exact: true })
    .getByRole('link', { name: t('sections.exchange.title'), exact: true })
    .click();
  await expect(page.getByTestId('section-exchange')).toBeVisible();
  await page.getByRole('tab', { name: t(`handoff.tabs.${tab}`), exact: true }).click();
}

/** Import a partner's card on the Partners tab and confirm its fingerprint in the dialog. */
async function verifyPartner(page: Page, partnerName: string, spoken: string[]) {
  const partner = page.getByTestId('partner').filter({ hasText: partnerName });
  await expect(partner).toContainText(t('handoff.partners.unverified'));
  await partner.getByRole('button', { name: t('handoff.partners.verify'), exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  // The dialog shows the same groups the other office reads aloud.
  await expect(dialog.locator('.fingerprint-group')).toHaveText(spoken);
  await expectNoSeriousViolations(page, 'verify dialog');
  await dialog
    .getByRole('button', { name: t('handoff.partners.verifyConfirm'), exact: true })
    .click();
  await expect(partner).toContainText(t('handoff.partners.verified'));
}

test('two offices swap cards, export to a drive, and the other imports after a preview', async ({
  app: pageA,
  host: hostA,
  browser,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'resguardo-exchange-'));
  const hostB = await startHostProcess({ dataDir: join(work, 'b'), language: 'es' });
  // Its own context: a second profile, as on the other office's computer (axe needs one too).
  const contextB = await browser.newContext({ locale: 'es-ES' });
  const pageB = await contextB.newPage();
  try {
    const stick = join(work, 'stick');
    await mkdir(stick);
    await openApp(pageB, hostB.url);
    await createVault(pageA, 'es');
    await createVault(pageB, 'es', { ...office, officeName: 'Oficina Tegucigalpa' });
    await hostA.ipc('cases.create', {
      title: CASE_TITLE,
      status: 'open',
      urgency: 'high',
      rightsAtStake: [],
      tags: [],
      confidentiality: 'internal',
      aggressions: [],
      sources: [],
    });

    // A saves its card to a file; B imports the file and confirms A's fingerprint.
    await openExchangeTab(pageA, 'card');
    const spokenA = await pageA.locator('.fingerprint-group').allTextContents();
    expect(spokenA).toHaveLength(6);
    await expectNoSeriousViolations(pageA, 'office card');
    const cardFile = join(work, 'tarjeta-a.json');
    await hostA.setDialogs({ openPaths: [], savePath: cardFile });
    await pageA.getByRole('button', { name: t('handoff.card.save'), exact: true }).click();
    await expect(pageA.getByText(t('handoff.card.saved'))).toBeVisible();

    await openExchangeTab(pageB, 'partners');
    await hostB.setDialogs({ openPaths: [], savePath: null, importPath: cardFile });
    await pageB
      .getByRole('button', { name: t('handoff.partners.importFile'), exact: true })
      .click();
    await verifyPartner(pageB, office.officeName, spokenA);
    await expectNoSeriousViolations(pageB, 'partners');

    // B copies its card; A pastes it and confirms B's fingerprint.
    await openExchangeTab(pageB, 'card');
    const spokenB = await pageB.locator('.fingerprint-group').allTextContents();
    await pageB.getByRole('button', { name: t('handoff.card.copy'), exact: true }).click();
    await expect(pageB.getByText(t('handoff.card.copied'))).toBeVisible();
    await openExchangeTab(pageA, 'partners');
    await pageA.getByLabel(t('handoff.partners.pasteLabel')).fill(await hostB.clipboard());
    await pageA
      .getByRole('button', { name: t('handoff.partners.importPasted'), exact: true })
      .click();
    await verifyPartner(pageA, 'Oficina Tegucigalpa', spokenB);

    // A exports everything for B onto the "stick", chosen from the detected drives.
    await hostA.setDrives([{ label: 'KINGSTON', path: stick }]);
    await openExchangeTab(pageA, 'export');
    // By keyboard, as someone without a mouse would: focus the box, Space ticks it.
    const partnerBox = pageA.getByRole('checkbox', { name: 'Oficina Tegucigalpa' });
    await partnerBox.focus();
    await pageA.keyboard.press('Space');
    await expect(partnerBox).toBeChecked();
    const driveRadio = pageA.getByRole('radio', {
      name: t('handoff.export.drive', { label: 'KINGSTON' }),
    });
    await driveRadio.focus();
    await pageA.keyboard.press('Space');
    await expect(driveRadio).toBeChecked();
    await expectNoSeriousViolations(pageA, 'export form');
    await pageA.getByRole('button', { name: t('handoff.export.start'), exact: true }).click();
    // "Done" only appears after main read the file back and verified it.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const done = new RegExp(
      escape(t('handoff.export.done', { file: 'FILE' })).replace('FILE', 'rg-[0-9a-f]{8}\\.age'),
    );
    await expect(pageA.getByRole('status').filter({ hasText: done })).toBeVisible({
      timeout: 30_000,
    });
    const [fileName] = await readdir(stick);
    expect(fileName).toMatch(/^rg-[0-9a-f]{8}\.age$/);

    // The stick moves to B: B reads it from the detected drive, previews, applies.
    await hostB.setDrives([{ label: 'KINGSTON', path: stick }]);
    await openExchangeTab(pageB, 'import');
    await pageB
      .getByRole('button', { name: t('handoff.import.readFile', { name: fileName! }) })
      .click();
    const preview = pageB.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview).toContainText(t('handoff.import.sender.verified'));
    await expect(preview).toContainText(t('handoff.import.counts.new', { count: 1 }));
    await expectNoSeriousViolations(pageB, 'import preview');
    await preview.getByRole('button', { name: t('handoff.import.apply'), exact: true }).click();
    await expect(
      pageB.getByRole('status').filter({
        hasText: t('handoff.import.applied', { new: 1, update: 0, conflict: 0, evidence: 0 }),
      }),
    ).toBeVisible();

    await pageB
      .getByRole('navigation', { name: t('shell.navLabel'), exact: true })
      .getByRole('link', { name: t('sections.cases.title'), exact: true })
      .click();
    await expect(pageB.getByText(CASE_TITLE)).toBeVisible();
  } finally {
    await contextB.close();
    await hostB.stop();
    await rm(work, { recursive: true, force: true });
  }
});
