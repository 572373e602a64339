import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { exchangeOperations } from '../../shared/contract/exchange';
import { expectNoSeriousViolations } from './support/axe';
import {
  exportSummaryText,
  openExchangeTab,
  startPassphraseExport,
} from './support/exchange-flows';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { translator } from './support/i18n';
import { createCase } from './support/records';

const t = translator('es');
const PASSPHRASE = 'tortuga veleta naranjo cometa 83';
const TITLES = {
  radioThreats: 'Amenazas a la radio comunitaria',
  radioWatch: 'Vigilancia a la radio de mujeres',
  eviction: 'Desalojo en la comunidad de San Mateo',
  court: 'Hostigamiento judicial a una defensora del río',
  smear: 'Campaña de desprestigio en redes',
};

/** Tick or untick by keyboard: focus the box, Space toggles it. */
async function toggle(page: Page, name: string) {
  const box = page.getByRole('checkbox', { name, exact: true });
  await box.focus();
  await page.keyboard.press('Space');
  return box;
}

test('export: search the cases, tick across searches, and exactly the ticked ones travel', async ({
  app: page,
  host,
  dataDir,
}) => {
  await createVault(page, 'es');
  const ids = new Map<string, string>();
  for (const title of Object.values(TITLES)) ids.set(title, await createCase(host, title));
  const stick = join(dataDir, 'stick');
  await mkdir(stick);
  await host.setDrives([{ label: 'KINGSTON', path: stick }]);

  await openExchangeTab(page, 'export');
  const selected = page.getByRole('radio', { name: t('handoff.export.selected'), exact: true });
  await selected.focus();
  await page.keyboard.press('Space');
  await expect(selected).toBeChecked();
  const cases = page.getByRole('group', { name: t('handoff.export.casesLabel'), exact: true });
  // Before any search: the most recently changed cases, all five here.
  await expect(page.getByText(t('handoff.export.recentAll_other', { count: 5 }))).toBeVisible();
  await expect(cases.getByRole('checkbox')).toHaveCount(5);

  // Typing narrows the list (debounced, no button to press).
  const search = page.getByRole('searchbox', { name: t('handoff.export.searchLabel') });
  await search.focus();
  await page.keyboard.type('radio');
  await expect(page.getByText(t('handoff.export.matches_other', { count: 2 }))).toBeVisible();
  await expect(cases.getByRole('checkbox')).toHaveCount(2);
  await expect(cases.getByRole('checkbox', { name: TITLES.radioWatch })).toBeVisible();
  await expect(await toggle(page, TITLES.radioThreats)).toBeChecked();
  await expect(page.getByText(t('handoff.export.chosenCount_one', { count: 1 }))).toBeVisible();

  // A new search (Escape clears the box): the ticked case stays ticked and listed, apart.
  await search.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.type('desalojo');
  await expect(page.getByText(t('handoff.export.matches_one', { count: 1 }))).toBeVisible();
  const elsewhere = page.getByRole('group', { name: t('handoff.export.chosenElsewhere') });
  await expect(elsewhere.getByRole('checkbox', { name: TITLES.radioThreats })).toBeChecked();
  await expect(cases.getByRole('checkbox', { name: TITLES.radioWatch })).toHaveCount(0);
  await expect(await toggle(page, TITLES.eviction)).toBeChecked();
  await expect(page.getByText(t('handoff.export.chosenCount_other', { count: 2 }))).toBeVisible();

  // Nothing matching: still both listed and counted.
  await search.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.type('zzzz');
  await expect(page.getByText(t('handoff.export.noMatches'))).toBeVisible();
  await expect(elsewhere.getByRole('checkbox', { checked: true })).toHaveCount(2);
  // Unticked there, a case stays in place under the focus (and can be ticked again).
  const threats = await toggle(page, TITLES.radioThreats);
  await expect(threats).not.toBeChecked();
  await expect(threats).toBeFocused();
  await expect(page.getByText(t('handoff.export.chosenCount_one', { count: 1 }))).toBeVisible();
  await page.keyboard.press('Space');
  await expect(threats).toBeChecked();
  await expect(page.getByText(t('handoff.export.chosenCount_other', { count: 2 }))).toBeVisible();
  // "All" and back keeps the search and the ticks.
  // (Arrow keys move between the radio buttons and choose as they go.)
  await selected.focus();
  await page.keyboard.press('ArrowUp');
  await expect(
    page.getByRole('radio', { name: t('handoff.export.all'), exact: true }),
  ).toBeChecked();
  await expect(search).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect(selected).toBeChecked();
  await expect(search).toHaveValue('zzzz');
  await expect(elsewhere.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expectNoSeriousViolations(page, 'export form with search results');

  await startPassphraseExport(page, PASSPHRASE, 'KINGSTON');
  await expect(page.getByText(exportSummaryText(2, 0), { exact: false })).toBeVisible({
    timeout: 30_000,
  });

  // Read the file back (as this office would from the stick): exactly the two ticked cases.
  const [fileName] = await readdir(stick);
  const [stickDrive] = (await host.ipc('drives.list', {})) as { id: string }[];
  const preview = exchangeOperations['exchange.preview'].output.parse(
    await host.ipc('exchange.preview', {
      passphrase: PASSPHRASE,
      fromDrive: { drive: stickDrive?.id, name: fileName },
    }),
  );
  expect(preview?.records.map((record) => `${record.kind}:${record.id}`).sort()).toEqual(
    [TITLES.radioThreats, TITLES.eviction].map((title) => `cases:${ids.get(title)}`).sort(),
  );
  await host.ipc('exchange.discard', { importId: preview?.importId });
});
