import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, openApp, test } from './support/fixtures';
import {
  applyPreview,
  exportToStick,
  openCases,
  openExchangeTab,
  previewFromStick,
  swapCards,
} from './support/exchange-flows';
import { createVault, office } from './support/flows';
import { startHostProcess } from './support/host-process';
import { translator } from './support/i18n';
import { aggressionSample } from '../unit/support/record-samples';
import { createCase } from './support/records';

const t = translator('es');
const vocab = (name: string, code: string) => t(`vocab.${name}.${code}`);
const CASE_TITLE = 'Amenazas a la radio comunitaria';
const TITLE_A = 'Amenazas a la radio comunitaria (revisado en la capital)';
const TITLE_B = 'Amenazas a la radio comunitaria (revisado en Tegucigalpa)';
const OFFICE_B = 'Oficina Tegucigalpa';

/** A row of the comparison, by the label of its field (marked when the versions differ). */
function fieldRow(page: Page, field: string, differs: boolean) {
  const name = differs
    ? `${t(`handoff.fields.${field}`)} (${t('handoff.conflicts.differs')})`
    : t(`handoff.fields.${field}`);
  return page
    .getByTestId('conflict-compare')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('both offices edit one case: the conflict is kept, compared side by side, resolved by keyboard, or settled by a later file', async ({
  app: pageA,
  host: hostA,
  browser,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'resguardo-conflict-'));
  const hostB = await startHostProcess({ dataDir: join(work, 'b'), language: 'es' });
  // Its own context: a second profile, as on the other office's computer.
  const contextB = await browser.newContext({ locale: 'es-ES' });
  const pageB = await contextB.newPage();
  try {
    const stick = join(work, 'stick');
    await mkdir(stick);
    await openApp(pageB, hostB.url);
    await createVault(pageA, 'es');
    await createVault(pageB, 'es', { ...office, officeName: OFFICE_B });
    const caseId = await createCase(hostA, CASE_TITLE, {
      urgency: 'high',
      rightsAtStake: ['freedom_of_expression'],
    });
    // One aggression, whose perpetrator both offices will also correct.
    const act = (await hostA.ipc('aggressions.add', { caseId, ...aggressionSample })) as {
      id: string;
    };
    const a = { page: pageA, host: hostA, name: office.officeName };
    const b = { page: pageB, host: hostB, name: OFFICE_B };
    await swapCards(a, b, work);

    // The case travels A → B: from now on both hold it, with the same base version.
    const first = await exportToStick(pageA, hostA, b.name, stick);
    const toB = await previewFromStick(pageB, hostB, stick, first);
    await applyPreview(pageB, toB, { new: 3, update: 0, conflict: 0, evidence: 0 });

    // Each office changes the same case its own way before the next exchange, and the same
    // perpetrator too.
    await hostA.ipc('cases.update', { id: caseId, title: TITLE_A, status: 'monitoring' });
    await hostB.ipc('cases.update', { id: caseId, title: TITLE_B, status: 'closed' });
    const corrected = (description: string) => ({
      id: act.id,
      perpetrators: [{ ...aggressionSample.perpetrators[0]!, description }],
    });
    await hostA.ipc('aggressions.update', corrected('Hombres armados de la empresa minera'));
    await hostB.ipc('aggressions.update', corrected('Escoltas de la empresa minera'));

    // B sends it back: A's preview reports the conflict, and applying keeps both versions.
    const second = await exportToStick(pageB, hostB, a.name, stick);
    const toA = await previewFromStick(pageA, hostA, stick, second);
    // The case and the perpetrator; not the aggression, which both edits only touched.
    await expect(toA).toContainText(t('handoff.import.counts.conflict', { count: 2 }));
    await expect(
      toA.getByRole('row', {
        name: `${t('handoff.kinds.cases')} ${t('handoff.import.verdict.conflict')}`,
      }),
    ).toBeVisible();
    // The aggression reads the same at both: B's later touch simply stands.
    await applyPreview(pageA, toA, { new: 0, update: 1, conflict: 2, evidence: 0 });
    // Until someone chooses, the version here stays in force.
    await openCases(pageA);
    await expect(pageA.getByRole('link', { name: TITLE_A, exact: true })).toBeVisible();

    // The conflicts tab lists it: a case, from B.
    await openExchangeTab(pageA, 'conflicts');
    const list = pageA.getByTestId('conflicts').getByRole('listitem');
    await expect(list).toHaveCount(2);
    const rowText = (kind: string) =>
      t('handoff.conflicts.row', {
        kind: t(`handoff.kinds.${kind}`),
        office: OFFICE_B,
        date: '',
      }).trim();
    await expect(list.first()).toContainText(rowText('cases'));
    await expect(list.last()).toContainText(rowText('perpetrators'));
    await expectNoSeriousViolations(pageA, 'conflicts list');

    // Keyboard only from the selected tab: Tab reaches "Compare", Enter opens the comparison,
    // and focus lands on its table rather than falling back to the page.
    const conflictsTab = pageA.getByRole('tab', { name: t('handoff.tabs.conflicts'), exact: true });
    await conflictsTab.focus();
    await pageA.keyboard.press('Tab');
    // Each row has one, described by its row: this is the case's.
    const compareCase = list
      .first()
      .getByRole('button', { name: t('handoff.conflicts.compare'), exact: true });
    await expect(compareCase).toBeFocused();
    await expect(compareCase).toHaveAccessibleDescription(new RegExp(rowText('cases')));
    await pageA.keyboard.press('Enter');
    const table = pageA.getByRole('table', {
      name: t('handoff.conflicts.compareCaption', {
        kind: t('handoff.kinds.cases'),
        office: OFFICE_B,
      }),
    });
    await expect(table).toBeFocused();
    await expect(table.getByRole('columnheader')).toHaveText([
      t('handoff.conflicts.field'),
      t('handoff.conflicts.ours'),
      t('handoff.conflicts.theirs', { office: OFFICE_B }),
    ]);

    // Field by field, with labels rather than column names and codes: ours, then theirs.
    await expect(fieldRow(pageA, 'title', true).getByRole('cell')).toHaveText([TITLE_A, TITLE_B]);
    await expect(fieldRow(pageA, 'status', true).getByRole('cell')).toHaveText([
      vocab('case_status', 'monitoring'),
      vocab('case_status', 'closed'),
    ]);
    await expect(fieldRow(pageA, 'urgency', false).getByRole('cell')).toHaveText([
      vocab('urgency', 'high'),
      vocab('urgency', 'high'),
    ]);
    await expect(fieldRow(pageA, 'rights_at_stake', false).getByRole('cell')).toHaveText([
      vocab('right_defended', 'freedom_of_expression'),
      vocab('right_defended', 'freedom_of_expression'),
    ]);
    await expectNoSeriousViolations(pageA, 'conflict comparison');

    // Take B's version: Tab past "Keep ours" to "Take theirs", Enter opens the confirmation
    // (focus starts on Cancel), Tab to the confirm button, Space confirms.
    await pageA.keyboard.press('Tab');
    await expect(
      pageA.getByRole('button', { name: t('handoff.conflicts.keepOurs'), exact: true }),
    ).toBeFocused();
    await pageA.keyboard.press('Tab');
    await expect(
      pageA.getByRole('button', { name: t('handoff.conflicts.takeTheirs'), exact: true }),
    ).toBeFocused();
    await pageA.keyboard.press('Enter');
    const dialog = pageA.getByRole('alertdialog', { name: t('handoff.conflicts.takeTheirsTitle') });
    await expect(dialog).toContainText(t('handoff.conflicts.takeTheirsBody', { office: OFFICE_B }));
    await expect(dialog.getByRole('button', { name: t('records.cancel') })).toBeFocused();
    await expectNoSeriousViolations(pageA, 'resolve dialog');
    await pageA.keyboard.press('Tab');
    await expect(
      dialog.getByRole('button', { name: t('handoff.conflicts.takeTheirs'), exact: true }),
    ).toBeFocused();
    await pageA.keyboard.press('Space');

    // Announced, only the perpetrator is left, and focus is back at the top of the panel.
    await expect(
      pageA
        .getByRole('status')
        .filter({ hasText: t('handoff.conflicts.resolvedIncoming', { office: OFFICE_B }) }),
    ).toBeVisible();
    await expect(list).toHaveCount(1);
    await expect(list).toContainText(rowText('perpetrators'));
    await expect(
      pageA.getByRole('heading', { name: t('handoff.conflicts.title'), exact: true }),
    ).toBeFocused();

    // The case now carries B's title and status.
    await openCases(pageA);
    const chosen = pageA.getByRole('link', { name: TITLE_B, exact: true });
    await expect(chosen).toBeVisible();
    await expect(pageA.getByRole('link', { name: TITLE_A, exact: true })).toHaveCount(0);
    await chosen.click();
    const casePage = pageA.getByTestId('screen-case');
    await expect(casePage.getByRole('heading', { name: TITLE_B, exact: true })).toBeVisible();
    const status = casePage
      .locator('dt', { hasText: t('case.status') })
      .locator('xpath=following-sibling::dd[1]');
    await expect(status).toHaveText(vocab('case_status', 'closed'));

    // Someone at A then deletes the aggression: B's perpetrator can no longer be taken, and the
    // comparison says so instead of offering it.
    await hostA.ipc('aggressions.delete', { id: act.id });
    await openExchangeTab(pageA, 'conflicts');
    await pageA.getByRole('button', { name: t('handoff.conflicts.compare'), exact: true }).click();
    await expect(fieldRow(pageA, 'description', true).getByRole('cell')).toHaveText([
      t('handoff.conflicts.deletedHere'),
      'Escoltas de la empresa minera',
    ]);
    await expect(
      pageA.getByText(t('handoff.conflicts.ownerDeletedHere', { office: OFFICE_B })),
    ).toBeVisible();
    await expect(
      pageA.getByRole('button', { name: t('handoff.conflicts.takeTheirs'), exact: true }),
    ).toHaveCount(0);
    await expectNoSeriousViolations(pageA, 'conflict on a part deleted here');
    await pageA.getByRole('button', { name: t('handoff.conflicts.keepOurs'), exact: true }).click();
    const keep = pageA.getByRole('alertdialog', { name: t('handoff.conflicts.keepOursTitle') });
    await keep.getByRole('button', { name: t('handoff.conflicts.keepOurs'), exact: true }).click();
    await expect(
      pageA.getByRole('status').filter({ hasText: t('handoff.conflicts.resolvedLocal') }),
    ).toBeVisible();
    await expect(pageA.getByText(t('handoff.conflicts.empty'), { exact: true })).toBeVisible();
    await expect(pageA.getByTestId('conflicts')).toHaveCount(0);

    // Settled for good: a fresh look at the tab finds nothing pending.
    await openExchangeTab(pageA, 'conflicts');
    await expect(pageA.getByText(t('handoff.conflicts.empty'), { exact: true })).toBeVisible();

    // Both change the urgency: B's next file leaves a conflict waiting at A…
    await hostA.ipc('cases.update', { id: caseId, urgency: 'critical' });
    await hostB.ipc('cases.update', { id: caseId, urgency: 'low' });
    const third = await exportToStick(pageB, hostB, a.name, stick);
    const waiting = await previewFromStick(pageA, hostA, stick, third);
    await applyPreview(pageA, waiting, { new: 0, update: 0, conflict: 1, evidence: 0 });
    // …until B comes round to A's urgency: the preview says its file closes it, and it does.
    // The stick stays plugged in at A: its files are listed again when A's window is back in
    // front.
    await hostB.ipc('cases.update', { id: caseId, urgency: 'critical' });
    await openExchangeTab(pageA, 'import');
    const fourth = await exportToStick(pageB, hostB, a.name, stick);
    const newFile = pageA.getByRole('button', {
      name: t('handoff.import.readFile', { name: fourth }),
    });
    await expect(newFile).toHaveCount(0);
    await pageA.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect(newFile).toBeVisible();
    const settling = await previewFromStick(pageA, hostA, stick, fourth);
    await expect(settling).toContainText(t('handoff.import.counts.conflictsSettled', { count: 1 }));
    await applyPreview(pageA, settling, { new: 0, update: 1, conflict: 0, evidence: 0 });
    await openExchangeTab(pageA, 'conflicts');
    await expect(pageA.getByText(t('handoff.conflicts.empty'), { exact: true })).toBeVisible();
  } finally {
    await contextB.close();
    await hostB.stop();
    await rm(work, { recursive: true, force: true });
  }
});
