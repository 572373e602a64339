import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './support/axe';
import { expect, openApp, test } from './support/fixtures';
import {
  applyPreview,
  exportToStick,
  openExchangeTab,
  previewFromStick,
  swapCards,
} from './support/exchange-flows';
import { createVault, office } from './support/flows';
import { startHostProcess } from './support/host-process';
import { translator } from './support/i18n';
import { createCase } from './support/records';

const t = translator('es');
const vocab = (name: string, code: string) => t(`vocab.${name}.${code}`);
const OFFICE_B = 'Oficina Tegucigalpa';
const TITLE = 'Desalojo en la comunidad';
const TITLE_A = 'Desalojo en la comunidad (capital)';
const TITLE_B = 'Desalojo en la comunidad (Tegucigalpa)';

test('issue 17, measured stories: a conflict waits at both offices, is settled field by field, the settlement travels, and an own old file changes nothing', async ({
  app: pageA,
  host: hostA,
  browser,
}) => {
  // Two offices, six files through a stick: longer than one screen's test.
  test.setTimeout(240_000);
  const work = await mkdtemp(join(tmpdir(), 'resguardo-history-'));
  const hostB = await startHostProcess({ dataDir: join(work, 'b'), language: 'es' });
  const contextB = await browser.newContext({ locale: 'es-ES' });
  const pageB = await contextB.newPage();
  try {
    const stick = join(work, 'stick');
    await mkdir(stick);
    await openApp(pageB, hostB.url);
    await createVault(pageA, 'es');
    await createVault(pageB, 'es', { ...office, officeName: OFFICE_B });
    const id = await createCase(hostA, TITLE, { urgency: 'medium' });
    const a = { page: pageA, host: hostA, name: office.officeName };
    const b = { page: pageB, host: hostB, name: OFFICE_B };
    await swapCards(a, b, work);
    const first = await exportToStick(pageA, hostA, b.name, stick);
    await applyPreview(pageB, await previewFromStick(pageB, hostB, stick, first), {
      new: 1,
      update: 0,
      conflict: 0,
      evidence: 0,
    });

    // Story 1: both offices change the title and the urgency.
    await hostA.ipc('cases.update', { id, title: TITLE_A, urgency: 'critical' });
    await hostB.ipc('cases.update', { id, title: TITLE_B, urgency: 'low' });
    const fromB = await exportToStick(pageB, hostB, a.name, stick);
    const atA = await previewFromStick(pageA, hostA, stick, fromB);
    // The preview names the case, in its group, with its count.
    const conflicting = atA.getByTestId('arriving-conflicting');
    await expect(conflicting).toContainText(t('handoff.import.arriving.conflicting', { count: 1 }));
    await expect(conflicting).toContainText(TITLE_B);
    await expectNoSeriousViolations(pageA, 'import preview groups');
    await pageA.setViewportSize({ width: 1024, height: 700 });
    await conflicting.scrollIntoViewIfNeeded();
    await pageA.screenshot({ path: join(tmpdir(), 'resguardo-preview-groups.png') });
    await applyPreview(pageA, atA, { new: 0, update: 0, conflict: 1, evidence: 0 });

    // Before A settles it, A sends to B: B is told of a conflict too, and keeps its own edit.
    const fromA = await exportToStick(pageA, hostA, b.name, stick);
    await pageB.evaluate("window.dispatchEvent(new Event('focus'))");
    const atB = await previewFromStick(pageB, hostB, stick, fromA);
    await expect(atB).toContainText(t('handoff.import.counts.conflict', { count: 1 }));
    await expect(atB).toContainText(t('handoff.import.counts.update', { count: 0 }));
    await applyPreview(pageB, atB, { new: 0, update: 0, conflict: 1, evidence: 0 });
    expect(await hostB.ipc('cases.get', { id })).toMatchObject({ title: TITLE_B, urgency: 'low' });

    // A settles it field by field: its own title, B's urgency.
    await openExchangeTab(pageA, 'conflicts');
    await pageA.getByRole('button', { name: t('handoff.conflicts.compare'), exact: true }).click();
    const form = pageA.getByRole('form', { name: t('handoff.conflicts.byField') });
    await expect(form).toBeVisible();
    const urgency = form.getByRole('radiogroup', { name: t('handoff.fields.urgency') });
    // By keyboard: focus their value, Space chooses it.
    const theirs = urgency.getByRole('radio', {
      name: t('handoff.conflicts.pickTheirs', { office: OFFICE_B, value: vocab('urgency', 'low') }),
    });
    await theirs.focus();
    await pageA.keyboard.press('Space');
    await expect(theirs).toBeChecked();
    const title = form.getByRole('radiogroup', { name: t('handoff.fields.title') });
    await expect(
      title.getByRole('radio', { name: t('handoff.conflicts.pickOurs', { value: TITLE_A }) }),
    ).toBeChecked();
    await expectNoSeriousViolations(pageA, 'conflict field by field');
    await form.scrollIntoViewIfNeeded();
    await pageA.screenshot({ path: join(tmpdir(), 'resguardo-conflict-fields.png') });
    await form
      .getByRole('button', { name: t('handoff.conflicts.saveChoice'), exact: true })
      .click();
    const confirm = pageA.getByRole('alertdialog', {
      name: t('handoff.conflicts.saveChoiceTitle'),
    });
    await confirm
      .getByRole('button', { name: t('handoff.conflicts.saveChoice'), exact: true })
      .click();
    await expect(
      pageA.getByRole('status').filter({ hasText: t('handoff.conflicts.resolvedFields') }),
    ).toBeVisible();
    await expect(pageA.getByText(t('handoff.conflicts.empty'), { exact: true })).toBeVisible();
    expect(await hostA.ipc('cases.get', { id })).toMatchObject({ title: TITLE_A, urgency: 'low' });

    // The settlement travels: B's conflict closes, and both hold the same version.
    const settled = await exportToStick(pageA, hostA, b.name, stick);
    // B's window comes back to the front: the stick's files are listed again.
    await pageB.evaluate("window.dispatchEvent(new Event('focus'))");
    const closing = await previewFromStick(pageB, hostB, stick, settled);
    await expect(closing).toContainText(t('handoff.import.counts.conflictsSettled', { count: 1 }));
    await applyPreview(pageB, closing, { new: 0, update: 1, conflict: 0, evidence: 0 });
    expect(await hostB.ipc('cases.get', { id })).toEqual(await hostA.ipc('cases.get', { id }));
    expect(await hostB.ipc('exchange.conflicts', {})).toEqual([]);

    // Story 2: A reads back its own older file, still on the stick: nothing to take.
    await hostA.setDrives([{ label: 'KINGSTON', path: stick }]);
    await openExchangeTab(pageA, 'import');
    await pageA
      .getByRole('button', { name: t('handoff.import.readFile', { name: fromA }) })
      .click();
    const own = pageA.getByTestId('import-preview');
    await expect(own).toContainText(t('handoff.import.sender.self'));
    await expect(own).toContainText(t('handoff.import.counts.conflict', { count: 0 }));
    await expect(own).toContainText(t('handoff.import.counts.update', { count: 0 }));
    await expect(own.getByTestId('arriving-unchanged')).toContainText(TITLE_A);
    await expect(own.getByTestId('nothing-new')).toHaveText(t('handoff.import.nothingNew'));
    await expectNoSeriousViolations(pageA, 'own old file preview');
    await applyPreview(pageA, own, { new: 0, update: 0, conflict: 0, evidence: 0 });
    expect(await hostA.ipc('cases.get', { id })).toMatchObject({ title: TITLE_A, urgency: 'low' });
    await openExchangeTab(pageA, 'conflicts');
    await expect(pageA.getByText(t('handoff.conflicts.empty'), { exact: true })).toBeVisible();

    // B reads A's first file again, long after later ones: older news, no error, nothing to take.
    await pageB.evaluate("window.dispatchEvent(new Event('focus'))");
    const stale = await previewFromStick(pageB, hostB, stick, first);
    await expect(stale).toContainText(t('handoff.import.sender.verified'));
    await expect(stale.getByTestId('nothing-new')).toHaveText(t('handoff.import.nothingNew'));
    await expectNoSeriousViolations(pageB, 'partner old file preview');
    await pageB.setViewportSize({ width: 1024, height: 700 });
    await stale.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await pageB.screenshot({ path: join(tmpdir(), 'resguardo-stale-partner-file.png') });
    await applyPreview(pageB, stale, { new: 0, update: 0, conflict: 0, evidence: 0 });
    expect(await hostB.ipc('cases.get', { id })).toEqual(await hostA.ipc('cases.get', { id }));
  } finally {
    await contextB.close();
    await hostB.stop();
    await rm(work, { recursive: true, force: true });
  }
});
