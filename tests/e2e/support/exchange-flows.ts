import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { type HostProcess } from './host-process';
import { translator } from './i18n';

/**
 * Journeys between two offices, shared by the exchange specs: swapping cards, exporting onto a
 * folder standing in for a USB stick, reading it back at the other office. With `audit`, each
 * screen on the way is checked with axe (one spec does it; the others need not pay for it again).
 */
const t = translator('es');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the import panel says once applied, each count with its own plural. */
export function appliedText(counts: {
  new: number;
  update: number;
  conflict: number;
  evidence: number;
}): string {
  const parts = Object.fromEntries(
    Object.entries(counts).map(([name, count]) => [
      name,
      t(`handoff.import.appliedParts.${name}`, { count }),
    ]),
  );
  return t('handoff.import.applied', parts);
}

/** What the export panel says of a finished file, each count with its own plural. */
export function exportSummaryText(records: number, evidence: number): string {
  return t('handoff.export.summary', {
    records: t('handoff.export.summaryParts.records', { count: records }),
    evidence: t('handoff.export.summaryParts.evidence', { count: evidence }),
  });
}

export interface OfficeSide {
  page: Page;
  host: HostProcess;
  /** The office name the other side sees on its partner list. */
  name: string;
}

export async function openExchangeTab(page: Page, tab: string) {
  await page
    .getByRole('navigation', { name: t('shell.navLabel'), exact: true })
    .getByRole('link', { name: t('sections.exchange.title'), exact: true })
    .click();
  await expect(page.getByTestId('section-exchange')).toBeVisible();
  await page.getByRole('tab', { name: t(`handoff.tabs.${tab}`), exact: true }).click();
}

export async function openCases(page: Page) {
  await page
    .getByRole('navigation', { name: t('shell.navLabel'), exact: true })
    .getByRole('link', { name: t('sections.cases.title'), exact: true })
    .click();
  await expect(page.getByTestId('section-cases')).toBeVisible();
}

/** The six groups of this office's fingerprint, once its card has loaded. */
async function spokenFingerprint(page: Page): Promise<string[]> {
  const groups = page.locator('.fingerprint-group');
  await expect(groups).toHaveCount(6);
  return groups.allTextContents();
}

/** Import a partner's card on the Partners tab and confirm its fingerprint in the dialog. */
export async function verifyPartner(page: Page, partnerName: string, spoken: string[]) {
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

/**
 * A saves its card to a file and B imports that file; B copies its card and A pastes it. Each
 * confirms the other's fingerprint, as read aloud over the phone.
 */
export async function swapCards(
  a: OfficeSide,
  b: OfficeSide,
  work: string,
  { audit = false } = {},
) {
  await openExchangeTab(a.page, 'card');
  const spokenA = await spokenFingerprint(a.page);
  if (audit) await expectNoSeriousViolations(a.page, 'office card');
  const cardFile = join(work, 'tarjeta-a.json');
  await a.host.setDialogs({ openPaths: [], savePath: cardFile });
  await a.page.getByRole('button', { name: t('handoff.card.save'), exact: true }).click();
  await expect(a.page.getByText(t('handoff.card.saved'))).toBeVisible();

  await openExchangeTab(b.page, 'partners');
  await b.host.setDialogs({ openPaths: [], savePath: null, importPath: cardFile });
  await b.page.getByRole('button', { name: t('handoff.partners.importFile'), exact: true }).click();
  await verifyPartner(b.page, a.name, spokenA);
  if (audit) await expectNoSeriousViolations(b.page, 'partners');

  await openExchangeTab(b.page, 'card');
  const spokenB = await spokenFingerprint(b.page);
  await b.page.getByRole('button', { name: t('handoff.card.copy'), exact: true }).click();
  await expect(b.page.getByText(t('handoff.card.copied'))).toBeVisible();
  await openExchangeTab(a.page, 'partners');
  await a.page.getByLabel(t('handoff.partners.pasteLabel')).fill(await b.host.clipboard());
  await a.page
    .getByRole('button', { name: t('handoff.partners.importPasted'), exact: true })
    .click();
  await verifyPartner(a.page, b.name, spokenB);
}

/**
 * On the export form: a passphrase (this office's own stick) and the detected drive `label`,
 * chosen by keyboard; then start.
 */
export async function startPassphraseExport(page: Page, passphrase: string, label: string) {
  const toPassphrase = page.getByRole('radio', { name: t('handoff.export.toPassphrase') });
  await toPassphrase.focus();
  await page.keyboard.press('Space');
  await page.getByLabel(t('handoff.export.passphrase'), { exact: true }).fill(passphrase);
  await page.getByLabel(t('handoff.export.confirmPassphrase'), { exact: true }).fill(passphrase);
  const drive = page.getByRole('radio', { name: t('handoff.export.drive', { label }) });
  await drive.focus();
  await page.keyboard.press('Space');
  await expect(drive).toBeChecked();
  await page.getByRole('button', { name: t('handoff.export.start'), exact: true }).click();
}

/**
 * Export everything for the partner `to` onto the stick (a folder the host reports as a drive
 * named KINGSTON), by keyboard; returns the name of the new file once main has verified it.
 */
export async function exportToStick(
  page: Page,
  host: HostProcess,
  to: string,
  stick: string,
  { audit = false, withoutConsent = [] as string[] } = {},
): Promise<string> {
  const before = new Set(await readdir(stick));
  await host.setDrives([{ label: 'KINGSTON', path: stick }]);
  await openExchangeTab(page, 'export');
  // By keyboard, as someone without a mouse would: focus the box, Space ticks it (the form
  // keeps the choice of an earlier export from this screen).
  const partnerBox = page.getByRole('checkbox', { name: to });
  if (!(await partnerBox.isChecked())) {
    await partnerBox.focus();
    await page.keyboard.press('Space');
  }
  await expect(partnerBox).toBeChecked();
  const driveRadio = page.getByRole('radio', {
    name: t('handoff.export.drive', { label: 'KINGSTON' }),
  });
  await driveRadio.focus();
  await page.keyboard.press('Space');
  await expect(driveRadio).toBeChecked();
  const start = page.getByRole('button', { name: t('handoff.export.start'), exact: true });
  if (withoutConsent.length > 0) {
    // Nobody's records leave without consent unless the user says so, knowing who.
    const warning = page.getByTestId('consent-warning');
    for (const name of withoutConsent) await expect(warning).toContainText(name);
    await expect(start).toBeDisabled();
    const accept = warning.getByRole('checkbox');
    await accept.focus();
    await page.keyboard.press('Space');
    await expect(accept).toBeChecked();
  }
  if (audit) await expectNoSeriousViolations(page, 'export form');
  await start.click();
  // "Done" only appears after main read the file back and verified it.
  const done = new RegExp(
    escape(t('handoff.export.done', { file: 'FILE' })).replace('FILE', 'rg-[0-9a-f]{8}\\.age'),
  );
  await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible({
    timeout: 30_000,
  });
  const added = (await readdir(stick)).filter((name) => !before.has(name));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/^rg-[0-9a-f]{8}\.age$/);
  return added[0]!;
}

/** The stick moves to this office: read the file from the detected drive; returns the preview. */
export async function previewFromStick(
  page: Page,
  host: HostProcess,
  stick: string,
  fileName: string,
): Promise<Locator> {
  await host.setDrives([{ label: 'KINGSTON', path: stick }]);
  await openExchangeTab(page, 'import');
  await page
    .getByRole('button', { name: t('handoff.import.readFile', { name: fileName }) })
    .click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview).toContainText(t('handoff.import.sender.verified'));
  return preview;
}

/** Apply the preview and wait for the summary of what was written. */
export async function applyPreview(
  page: Page,
  preview: Locator,
  counts: { new: number; update: number; conflict: number; evidence: number },
) {
  await preview.getByRole('button', { name: t('handoff.import.apply'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: appliedText(counts) })).toBeVisible();
}
