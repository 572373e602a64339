import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './support/axe';
import { expect, openApp, test } from './support/fixtures';
import {
  applyPreview,
  exportToStick,
  openCases,
  previewFromStick,
  swapCards,
} from './support/exchange-flows';
import { createVault, office } from './support/flows';
import { startHostProcess } from './support/host-process';
import { pattern, translator } from './support/i18n';
import { addAggression, createCase, createPerson } from './support/records';

const t = translator('es');
const CASE_TITLE = 'Amenazas a la radio comunitaria';
const DEFENDER = 'Carmen López Ruiz';
const OTHER_TITLE = 'Vigilancia a la radio comunitaria';
type Aggressions = { aggressions: { id: string }[] };

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
    const caseId = await createCase(hostA, CASE_TITLE, { urgency: 'high' });
    const defender = await createPerson(hostA, DEFENDER);
    await addAggression(hostA, caseId, defender);
    // A second case, one of whose aggressions A will remove later.
    const otherId = await createCase(hostA, OTHER_TITLE, { urgency: 'medium' });
    await addAggression(hostA, otherId, defender);
    // With a piece of evidence, taken in through main's file dialog: its custody travels too.
    const photo = join(work, 'fotografia.jpg');
    await writeFile(photo, randomBytes(50_000));
    await hostA.setDialogs({ openPaths: [photo], savePath: null });
    const [chosen] = (await hostA.ipc('evidence.chooseFiles', {})) as { token: string }[];
    await hostA.ipc('evidence.intake', {
      caseId: otherId,
      token: chosen!.token,
      description: 'Foto de los carteles',
    });

    // Each office confirms the other's fingerprint (A's card by file, B's by the clipboard).
    const a = { page: pageA, host: hostA, name: office.officeName };
    const b = { page: pageB, host: hostB, name: 'Oficina Tegucigalpa' };
    await swapCards(a, b, work, { audit: true });

    // A exports everything for B onto the "stick", chosen from the detected drives.
    // She has not consented to sharing with allied organizations: A sends knowing it.
    const fileName = await exportToStick(pageA, hostA, b.name, stick, {
      audit: true,
      withoutConsent: [DEFENDER],
    });

    // The stick moves to B: B reads it from the detected drive, previews, applies.
    const preview = await previewFromStick(pageB, hostB, stick, fileName);
    // The person; two cases, each with an aggression and her link to it; the evidence item and
    // its custody entry.
    await expect(preview).toContainText(t('handoff.import.counts.new', { count: 9 }));
    await expectNoSeriousViolations(pageB, 'import preview');
    await applyPreview(pageB, preview, { new: 9, update: 0, conflict: 0, evidence: 1 });

    // The evidence's chain of custody at B starts with its intake at A, then B's receipt.
    await openCases(pageB);
    await pageB.getByRole('link', { name: OTHER_TITLE }).click();
    const custody = pageB.locator('details.custody');
    await custody.locator('summary').press('Enter');
    const entries = custody.getByRole('listitem');
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText(t('vocab.custody_action.intake') + ' — ');
    await expect(entries.first()).toContainText(office.officeName);
    await expect(entries.nth(1)).toContainText(t('vocab.custody_action.import'));
    await expectNoSeriousViolations(pageB, 'custody chain of received evidence');

    await openCases(pageB);
    await expect(pageB.getByText(CASE_TITLE)).toBeVisible();
    // Its page says where it came from.
    await pageB.getByRole('link', { name: CASE_TITLE }).click();
    const provenance = pageB.getByTestId('provenance');
    await expect(provenance).toContainText(pattern('es', 'provenance.receivedFrom'));
    await expect(provenance).toContainText(office.officeName);

    // A deletes the case, and removes the other case's aggression; its next file tells B. B's
    // copy of the case stays, with a note on its page; the aggression goes at B too.
    await hostA.ipc('cases.delete', { id: caseId });
    const [removed] = ((await hostA.ipc('cases.get', { id: otherId })) as Aggressions).aggressions;
    await hostA.ipc('aggressions.delete', { id: removed!.id });
    await openCases(pageA); // The export form opens afresh.
    const second = await exportToStick(pageA, hostA, b.name, stick, { withoutConsent: [DEFENDER] });
    const told = await previewFromStick(pageB, hostB, stick, second);
    await expect(told).toContainText(t('handoff.import.counts.deletedThere', { count: 1 }));
    await expect(told).toContainText(t('handoff.import.counts.removedThere', { count: 1 }));
    // The table names it before anything else: an aggression, to be removed here too.
    await expect(told.getByRole('row').nth(1)).toContainText(t('handoff.kinds.aggressions'));
    await expect(told.getByRole('row').nth(1)).toContainText(t('handoff.import.verdict.removed'));
    await expectNoSeriousViolations(pageB, 'import preview with deletions');
    // Removing a part marks the case as changed at A: the case is an update. New: A's custody
    // entry for its first export of the evidence (the file carries the evidence again).
    await applyPreview(pageB, told, { new: 1, update: 1, conflict: 0, evidence: 1 });
    expect(((await hostB.ipc('cases.get', { id: otherId })) as Aggressions).aggressions).toEqual(
      [],
    );
    await openCases(pageB);
    await pageB.getByRole('link', { name: CASE_TITLE }).click();
    await expect(pageB.getByTestId('deleted-there')).toContainText(office.officeName);
    await expect(pageB.getByTestId('deleted-there')).toContainText(
      pattern('es', 'provenance.deletedThere'),
    );
    await expectNoSeriousViolations(pageB, 'case page with a deletion notice');
  } finally {
    await contextB.close();
    await hostB.stop();
    await rm(work, { recursive: true, force: true });
  }
});
