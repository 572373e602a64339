import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { type HostProcess } from './support/host-process';
import { translator } from './support/i18n';
import { addAggression, createCase, createPerson } from './support/records';

const t = translator('es');

const DEFENDER = 'Itzel Ramírez Gutiérrez';
const PSEUDONYM = 'Xochitl';
const WITNESS = 'Tomás Peña Ruiz';

/** A case with one aggression against `personId`; returns the case id. */
async function caseWithAggression(host: HostProcess, title: string, personId: string) {
  const caseId = await createCase(host, title, {
    urgency: 'high',
    rightsAtStake: ['land_territory'],
  });
  await addAggression(host, caseId, personId, {
    exactPlace: 'Calle Reforma 12, colonia Centro',
    narrative: `Dos hombres amenazaron a ${DEFENDER} frente a la radio comunitaria.`,
    perpetrators: [
      { type: 'company', identified: false, description: 'Hombres armados', involvement: 'direct' },
    ],
  });
  return caseId;
}

/** Tick a box or pick a radio by keyboard, as someone without a mouse would. */
async function press(target: Locator) {
  await target.focus();
  await target.page().keyboard.press('Space');
  await expect(target).toBeChecked();
}

async function go(page: Page, path: string) {
  // Source text: the Node-side tsconfig has no DOM types.
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/${path}`)}`);
}

test('prepares a redacted IACHR dossier behind the consent gate, and shows statistics', async ({
  app: page,
  host,
  dataDir,
}) => {
  test.setTimeout(180_000);
  await createVault(page, 'es');

  // --- Records: she consented to the IACHR by pseudonym only; he never consented ---
  const itzelId = await createPerson(host, DEFENDER, PSEUDONYM);
  await host.ipc('consents.add', {
    personId: itzelId,
    collectiveId: null,
    scope: 'iachr',
    identity: 'pseudonym',
    givenOn: '2026-03-15',
    method: 'written_in_person',
    notes: '',
  });
  const tomasId = await createPerson(host, WITNESS);
  const caseId = await caseWithAggression(host, 'Amenazas en el Istmo', itzelId);
  await caseWithAggression(host, 'Vigilancia a testigo', tomasId);

  // --- From the case page to the dossier screen ---
  await go(page, `cases/${caseId}`);
  await page.getByRole('link', { name: t('dossierForm.prepare'), exact: true }).click();
  const screen = page.getByTestId('screen-dossier');
  await expect(screen.getByRole('heading', { level: 1 })).toContainText('Amenazas en el Istmo');
  await press(screen.getByRole('radio', { name: t('dossierForm.template.iachr'), exact: true }));

  // Her consent does not allow her name: blocked, and the screen says why.
  const gate = screen.getByTestId('consent-gate');
  await expect(gate.getByTestId('gate-blocked')).toContainText(
    t('dossierForm.gap.identity', { label: DEFENDER }),
  );
  const generate = screen.getByRole('button', { name: t('dossierForm.generate'), exact: true });
  await expect(generate).toBeDisabled();

  // Safe defaults: no contacts, no exact places.
  await expect(
    screen.getByRole('checkbox', { name: t('dossierForm.includeContacts') }),
  ).not.toBeChecked();
  await expect(
    screen.getByRole('checkbox', { name: t('dossierForm.includeExactPlaces') }),
  ).not.toBeChecked();

  // Pseudonymizing her opens the gate.
  await press(
    screen
      .getByRole('group', { name: t('dossierForm.pseudonymizeLabel') })
      .getByRole('checkbox', { name: DEFENDER, exact: true }),
  );
  await expect(gate.getByTestId('gate-ok')).toBeVisible();
  await expect(generate).toBeEnabled();

  await screen
    .getByLabel(t('dossierForm.summary'), { exact: true })
    .fill(`${DEFENDER} recibió amenazas de muerte tras oponerse a un proyecto eólico.`);
  await screen
    .getByLabel(t('dossierForm.measuresRequested'), { exact: true })
    .fill('Medidas de protección para ella y su familia.');
  await screen
    .getByLabel(t('dossierForm.workRiskLink'), { exact: true })
    .fill('Las amenazas empezaron cuando la asamblea rechazó el proyecto.');

  // A plain PDF: a warning that must be confirmed.
  await press(screen.getByRole('radio', { name: t('dossierForm.destination.plain'), exact: true }));
  await expect(screen.getByTestId('plain-warning')).toContainText(t('dossierForm.plainWarning'));
  await generate.click();
  await expect(screen.getByText(t('dossierForm.plainConfirmNeeded'))).toBeVisible();
  await expectNoSeriousViolations(page, 'dossier screen');
  await press(screen.getByRole('checkbox', { name: t('dossierForm.plainConfirm'), exact: true }));

  const file = join(dataDir, 'expediente-cidh.pdf');
  await host.setDialogs({ openPaths: [], savePath: file });
  await generate.click();
  const result = screen.getByTestId('dossier-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  const sha = (await result.getByTestId('dossier-sha256').textContent()) ?? '';
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  await expect(result).toContainText(t('dossierForm.resultPlain'));
  await expectNoSeriousViolations(page, 'dossier result');

  // The file: a PDF, and her real name is nowhere in its text.
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain(PSEUDONYM);
  expect(text).not.toContain(DEFENDER);
  expect(text).not.toContain('Ramírez');

  // --- The gate blocks a person without consent ---
  await go(page, `people/${tomasId}`);
  await expect(page.getByTestId('screen-person')).toBeVisible();
  await page.getByRole('link', { name: t('dossierForm.prepare'), exact: true }).click();
  await expect(screen.getByRole('heading', { level: 1 })).toContainText(WITNESS);
  await expect(screen.getByTestId('gate-blocked')).toContainText(
    t('dossierForm.gap.no_consent', { label: WITNESS }),
  );
  await expect(
    screen.getByRole('button', { name: t('dossierForm.generate'), exact: true }),
  ).toBeDisabled();

  // --- Statistics in Reports: two cases, every cell under 5 is hidden ---
  await screen.getByRole('link', { name: t('dossierForm.backToReports'), exact: true }).click();
  const stats = page.getByTestId('statistics');
  await expect(stats.getByTestId('statistics-total')).toHaveText(
    t('statsView.totalSuppressed', { count: 5 }),
  );
  await expect(
    stats
      .getByRole('table', { name: t('statsView.dimension.year') })
      .getByRole('cell')
      .first(),
  ).toHaveText(t('statsView.suppressed', { count: 5 }));
  // The charts draw no bar for a hidden cell: they must not show what the tables hide.
  await expect(stats.getByTestId('statistics-chart-aggression_type')).toBeVisible();
  await expect(stats.getByTestId('statistics-chart-aggression_type').locator('rect')).toHaveCount(
    0,
  );
  await expect(stats).not.toContainText(DEFENDER);
  const csv = join(dataDir, 'cifras.csv');
  await host.setDialogs({ openPaths: [], savePath: csv });
  await stats.getByRole('button', { name: t('statsView.export'), exact: true }).click();
  await expect(stats.getByRole('status')).toContainText('CSV');
  expect(existsSync(csv)).toBe(true);
  expect(readFileSync(csv, 'utf8')).not.toContain(DEFENDER);
  await expectNoSeriousViolations(page, 'statistics view');
});
