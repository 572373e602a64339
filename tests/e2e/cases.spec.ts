import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { createVault, screen } from './support/flows';
import { translator } from './support/i18n';

const t = translator('es');
const vocab = (name: string, code: string) => t(`vocab.${name}.${code}`);

/** A word that appears only in the first aggression's narrative. */
const NARRATIVE_WORD = 'cafetal';
const CASE_TITLE = 'Hostigamiento a la Colectiva Tierra Viva';

async function openSection(page: Page, section: 'cases' | 'people') {
  await page
    .getByRole('navigation', { name: t('shell.navLabel'), exact: true })
    .getByRole('link', { name: t(`sections.${section}.title`), exact: true })
    .click();
  await expect(page.getByTestId(`section-${section}`)).toBeVisible();
}

/** Pick an option in a react-aria Select, found by its label inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await scope.getByRole('button', { name: new RegExp(`${escaped}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Tick a react-aria checkbox by clicking its label, as a person would (its input is hidden). */
async function tick(scope: Locator, label: string) {
  const box = scope.getByRole('checkbox', { name: label, exact: true });
  const inner = scope.page().getByRole('checkbox', { name: label, exact: true });
  await scope.locator('label').filter({ has: inner }).click();
  await expect(box).toBeChecked();
}

test('documents a case from defender to history, finding it by word and by filter', async ({
  app: page,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  await createVault(page, 'es');

  // --- A defender with consent ---
  await openSection(page, 'people');
  await expectNoSeriousViolations(page, 'people list');
  await page.getByRole('link', { name: t('person.new'), exact: true }).click();
  const newPerson = page.getByTestId('screen-person-new');
  await expect(newPerson).toBeVisible();
  await newPerson.getByLabel(t('person.name'), { exact: true }).fill('Itzel Ramírez');
  await newPerson.getByLabel(t('person.pseudonym'), { exact: true }).fill('Xochitl');
  await choose(page, newPerson, t('records.country'), vocab('country', 'MX'));
  await tick(newPerson, vocab('right_defended', 'land_territory'));
  await newPerson.getByRole('button', { name: t('person.addContact'), exact: true }).click();
  await newPerson.getByLabel(t('person.contactValue'), { exact: true }).fill('+52 951 000 0000');
  await expect(newPerson.getByLabel(t('person.contactValue'), { exact: true })).toHaveAttribute(
    'type',
    'password',
  );
  await expectNoSeriousViolations(page, 'new person form');
  await newPerson.getByRole('button', { name: t('person.create'), exact: true }).click();

  const person = page.getByTestId('screen-person');
  await expect(person.getByRole('heading', { name: 'Itzel Ramírez', level: 1 })).toBeVisible();
  await choose(page, person, t('consent.scope'), vocab('consent_scope', 'litigation'));
  await person.getByRole('button', { name: t('consent.add'), exact: true }).click();
  await expect(person.getByTestId('consent-list')).toContainText(
    vocab('consent_scope', 'litigation'),
  );
  // A second consent, then revoked: both dates stay on record.
  await choose(page, person, t('consent.scope'), vocab('consent_scope', 'publication'));
  await person.getByRole('button', { name: t('consent.add'), exact: true }).click();
  const publication = vocab('consent_scope', 'publication');
  await person.getByRole('button', { name: t('consent.revoke', { scope: publication }) }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: t('consent.revokeConfirm'), exact: true })
    .click();
  await expect(person.getByTestId('consent-list').getByRole('listitem')).toHaveCount(2);
  await expect(person.getByTestId('consent-list')).toContainText(
    t('consent.revokedOn', { date: '' }).trim(),
  );
  await expectNoSeriousViolations(page, 'person page');

  // --- A collective, which can be a victim too ---
  await openSection(page, 'people');
  await page.getByRole('link', { name: t('collective.new'), exact: true }).click();
  const newCollective = page.getByTestId('screen-collective-new');
  await newCollective
    .getByLabel(t('collective.name'), { exact: true })
    .fill('Colectiva Tierra Viva');
  await choose(page, newCollective, t('collective.kind'), vocab('collective_kind', 'collective'));
  await newCollective.getByRole('button', { name: t('collective.create'), exact: true }).click();
  await expect(
    page.getByTestId('screen-collective').getByRole('heading', { name: 'Colectiva Tierra Viva' }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'collective page');

  // --- A case: two aggressions, two perpetrators ---
  await openSection(page, 'cases');
  await page.getByRole('link', { name: t('case.new'), exact: true }).click();
  const form = page.getByTestId('screen-case-new');
  await expect(form).toBeVisible();
  await form.getByLabel(t('case.title'), { exact: true }).fill(CASE_TITLE);
  await choose(page, form, t('case.urgency'), vocab('urgency', 'high'));

  const first = form.getByRole('group', { name: t('case.aggressionNumber', { number: 1 }) });
  await first.getByLabel(t('case.occurredOn'), { exact: true }).fill('2026-03-14');
  await choose(page, first, t('records.country'), vocab('country', 'MX'));
  await first.getByLabel(t('records.municipality'), { exact: true }).fill('Juchitán');
  await tick(first, vocab('aggression_type', 'death_threat'));
  await tick(first, vocab('aggression_type', 'surveillance'));
  await tick(first, vocab('gender_component', 'sexualized'));
  await first.getByRole('button', { name: t('case.addVictim'), exact: true }).click();
  await choose(page, first, t('case.victim'), 'Itzel Ramírez');
  await first.getByRole('button', { name: t('case.addPerpetrator'), exact: true }).click();
  await first.getByRole('button', { name: t('case.addPerpetrator'), exact: true }).click();
  const perpetrator1 = first.getByRole('group', {
    name: t('case.perpetratorNumber', { number: 1 }),
  });
  const perpetrator2 = first.getByRole('group', {
    name: t('case.perpetratorNumber', { number: 2 }),
  });
  await choose(page, perpetrator1, t('case.perpetratorType'), vocab('perpetrator_type', 'police'));
  await tick(perpetrator1, t('case.identified'));
  await choose(
    page,
    perpetrator2,
    t('case.perpetratorType'),
    vocab('perpetrator_type', 'organized_crime'),
  );
  await choose(page, perpetrator2, t('case.involvement'), vocab('involvement', 'ordered'));
  await first
    .getByLabel(t('case.narrative'), { exact: true })
    .fill(`Dos hombres la siguieron desde el ${NARRATIVE_WORD} hasta su casa.`);

  await form.getByRole('button', { name: t('case.addAggression'), exact: true }).click();
  const second = form.getByRole('group', { name: t('case.aggressionNumber', { number: 2 }) });
  await second.getByLabel(t('case.occurredOn'), { exact: true }).fill('2026-04-02');
  await choose(page, second, t('case.datePrecision'), vocab('date_precision', 'day_unknown'));
  await tick(second, vocab('aggression_type', 'smear_campaign'));
  await second.getByRole('button', { name: t('case.addVictim'), exact: true }).click();
  await choose(
    page,
    second,
    t('case.victim'),
    t('case.collectiveLabel', { name: 'Colectiva Tierra Viva' }),
  );
  await second
    .getByLabel(t('case.narrative'), { exact: true })
    .fill('Publicaron carteles con su foto en el mercado.');
  await expectNoSeriousViolations(page, 'new case form');
  await form.getByRole('button', { name: t('case.create'), exact: true }).click();

  const casePage = page.getByTestId('screen-case');
  await expect(casePage.getByRole('heading', { name: CASE_TITLE, level: 1 })).toBeVisible();
  const timeline = casePage.getByTestId('timeline');
  await expect(timeline.getByRole('article')).toHaveCount(2);
  // Narratives stay hidden until asked for.
  await expect(casePage.getByText(NARRATIVE_WORD, { exact: false })).toHaveCount(0);
  await casePage.getByRole('button', { name: t('timeline.showDetails'), exact: true }).click();
  await expect(casePage.getByTestId('narrative').first()).toContainText(NARRATIVE_WORD);
  await expect(timeline).toContainText(vocab('perpetrator_type', 'organized_crime'));
  await expect(timeline).toContainText('Colectiva Tierra Viva');

  // --- Evidence: attach a file through the (fake) native dialog, see its hash ---
  const file = testInfo.outputPath('acta-de-hechos.txt');
  const content = 'Acta de hechos, Juchitán, 14 de marzo de 2026.\n'.repeat(2000);
  await writeFile(file, content);
  const sha256 = createHash('sha256').update(content).digest('hex');
  await host.setDialogs({ openPaths: [file], savePath: null });
  await casePage.getByRole('button', { name: t('attachment.attach'), exact: true }).click();
  await expect(casePage.getByTestId('evidence-sha256')).toHaveText(sha256);
  await expect(casePage.getByRole('status').filter({ hasText: sha256 })).toBeVisible();

  // --- A response ---
  const responseForm = casePage.getByTestId('response-form');
  await choose(
    page,
    responseForm,
    t('response.type'),
    vocab('response_type', 'protection_mechanism_request'),
  );
  await responseForm.getByLabel(t('response.responsible'), { exact: true }).fill('Lucía Pérez');
  await responseForm.getByRole('button', { name: t('response.add'), exact: true }).click();
  await expect(timeline.getByRole('article')).toHaveCount(3);
  await expect(timeline).toContainText(vocab('response_type', 'protection_mechanism_request'));
  // The outcome arrives later: edit the response in place.
  const mechanism = vocab('response_type', 'protection_mechanism_request');
  await timeline.getByRole('button', { name: t('response.edit', { type: mechanism }) }).click();
  const responseEdit = timeline.getByTestId('response-edit-form');
  await responseEdit
    .getByLabel(t('response.outcome'), { exact: true })
    .fill('Se otorgaron medidas de protección.');
  await responseEdit.getByRole('button', { name: t('response.save'), exact: true }).click();
  await expect(timeline).toContainText('Se otorgaron medidas de protección.');
  await expectNoSeriousViolations(page, 'case page');

  // The confirmation before a decrypted copy is itself accessible, and Cancel leaves it be.
  await casePage
    .getByRole('button', { name: t('attachment.saveCopy', { name: 'acta-de-hechos.txt' }) })
    .click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(t('attachment.saveCopyWarning'));
  await expectNoSeriousViolations(page, 'decrypted copy confirmation');
  await dialog.getByRole('button', { name: t('records.cancel'), exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // --- Find it by a word of its narrative ---
  await openSection(page, 'cases');
  const cases = page.getByTestId('section-cases');
  await cases.getByLabel(t('case.search'), { exact: true }).fill(NARRATIVE_WORD);
  await cases.getByRole('button', { name: t('case.searchSubmit'), exact: true }).click();
  const results = cases.getByRole('list', { name: t('case.searchResults') });
  await expect(results.getByRole('link', { name: CASE_TITLE })).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText(NARRATIVE_WORD);
  await expectNoSeriousViolations(page, 'search results');
  await cases.getByRole('button', { name: t('case.searchClear'), exact: true }).click();

  // --- …and by a filter ---
  const list = cases.getByRole('region', { name: t('case.listLabel') });
  await expect(list.getByRole('link', { name: CASE_TITLE })).toBeVisible();
  await choose(
    page,
    cases,
    t('case.perpetratorType'),
    vocab('perpetrator_type', 'organized_crime'),
  );
  await expect(list.getByRole('link', { name: CASE_TITLE })).toBeVisible();
  await expect(cases.getByTestId('case-count')).toHaveText(t('case.count_one', { number: 1 }));
  await choose(page, cases, t('records.country'), vocab('country', 'GT'));
  await expect(cases.getByTestId('case-count')).toHaveText(t('case.count_other', { number: 0 }));
  await expect(list.getByRole('link', { name: CASE_TITLE })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'case list with filters');
  await cases.getByRole('button', { name: t('case.clearFilters'), exact: true }).click();

  // --- Edit it and see the change in its history ---
  await list.getByRole('link', { name: CASE_TITLE }).click();
  await expect(casePage).toBeVisible();
  await casePage.getByRole('link', { name: t('case.edit'), exact: true }).click();
  const edit = page.getByTestId('screen-case-edit');
  await expect(edit.getByLabel(t('case.title'), { exact: true })).toHaveValue(CASE_TITLE);
  await choose(page, edit, t('case.urgency'), vocab('urgency', 'critical'));
  await expectNoSeriousViolations(page, 'edit case form');
  await edit.getByRole('button', { name: t('case.save'), exact: true }).click();
  await expect(casePage).toBeVisible();
  const history = casePage.getByTestId('history');
  await expect(history).toContainText(
    t('history.setTo', { field: t('history.field.urgency'), value: vocab('urgency', 'critical') }),
  );
  await expect(screen(page, 'home')).toBeVisible();
});

/** A 1×1 PNG, to preview in the app. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Write cases straight through the host's IPC route (the same contract the page uses). */
async function seedCases(hostUrl: string, count: number): Promise<string[]> {
  const url = new URL(hostUrl);
  const token = url.searchParams.get('token') ?? '';
  const one = async (index: number): Promise<string> => {
    const response = await fetch(`${url.origin}/__ipc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-resguardo-test-token': token },
      body: JSON.stringify({
        operation: 'cases.create',
        input: {
          title: `Caso de prueba ${String(index + 1).padStart(4, '0')}`,
          status: 'open',
          urgency: 'low',
          rightsAtStake: [],
          tags: [],
          confidentiality: 'internal',
          aggressions: [
            {
              occurredOn: '2025-06-01',
              datePrecision: 'exact',
              country: 'HN',
              department: null,
              municipality: null,
              exactPlace: null,
              scope: 'personal',
              types: ['threat'],
              genderComponents: [],
              narrative: 'Relato de prueba.',
              victims: [],
              perpetrators: [],
            },
          ],
          sources: [],
        },
      }),
    });
    const reply = (await response.json()) as { ok: boolean; value: { id: string } };
    expect(reply.ok).toBe(true);
    return reply.value.id;
  };
  const ids: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => start + i);
    ids.push(...(await Promise.all(batch.map(one))));
  }
  return ids;
}

test('works by keyboard, shows field errors, keeps a draft, windows a long list, previews an image', async ({
  app: page,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  await createVault(page, 'es');

  // Keyboard only: a profile filled and saved without the mouse.
  await openSection(page, 'people');
  await page.getByRole('link', { name: t('person.new'), exact: true }).focus();
  await page.keyboard.press('Enter');
  const newPerson = page.getByTestId('screen-person-new');
  await newPerson.getByLabel(t('person.pseudonym'), { exact: true }).focus();
  await page.keyboard.type('Flor de Mayo');
  const country = newPerson.getByRole('button', { name: new RegExp(`${t('records.country')}$`) });
  await country.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type('Guat');
  await page.keyboard.press('Enter');
  await expect(country).toContainText(vocab('country', 'GT'));
  const labour = newPerson.getByRole('checkbox', {
    name: vocab('right_defended', 'labour_rights'),
    exact: true,
  });
  await labour.focus();
  await page.keyboard.press('Space');
  await expect(labour).toBeChecked();
  await newPerson.getByLabel(t('person.pseudonym'), { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByTestId('screen-person').getByRole('heading', { name: 'Flor de Mayo', level: 1 }),
  ).toBeVisible();

  const total = 400;
  const ids = await seedCases(host.url, total);

  // The list holds only the rows in view, yet reaches the last case.
  await openSection(page, 'cases');
  const cases = page.getByTestId('section-cases');
  await expect(cases.getByTestId('case-count')).toHaveText(
    t('case.count_other', { number: new Intl.NumberFormat('es').format(total) }),
  );
  const list = cases.getByRole('region', { name: t('case.listLabel') });
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  await list.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(list.locator(`li[aria-posinset="${total}"]`)).toContainText('Caso de prueba');
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);

  // Bad input: errors next to the fields, in Spanish; nothing sent.
  await cases.getByRole('link', { name: t('case.new'), exact: true }).click();
  const form = page.getByTestId('screen-case-new');
  await form.getByRole('button', { name: t('case.create'), exact: true }).click();
  const title = form.getByLabel(t('case.title'), { exact: true });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();
  await expect(form.getByText(t('validation.required')).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'case form with errors');

  // A draft survives leaving the form.
  await title.fill('Borrador sin guardar');
  await openSection(page, 'people');
  await openSection(page, 'cases');
  await cases.getByRole('link', { name: t('case.new'), exact: true }).click();
  await expect(form.getByLabel(t('case.title'), { exact: true })).toHaveValue(
    'Borrador sin guardar',
  );
  await expect(form.getByRole('button', { name: t('records.draftDiscard') })).toBeVisible();
  await form.getByRole('button', { name: t('records.draftDiscard') }).click();
  await expect(form.getByLabel(t('case.title'), { exact: true })).toHaveValue('');

  // An image previews inside the app, from memory.
  const image = testInfo.outputPath('foto.png');
  await writeFile(image, PIXEL_PNG);
  await host.setDialogs({ openPaths: [image], savePath: null });
  // Straight to a seeded case, as a link in the app would go.
  // (Source text: the Node-side tsconfig has no DOM types.)
  await page.evaluate(`window.location.hash = '#/cases/${ids[0] ?? ''}'`);
  const casePage = page.getByTestId('screen-case');
  await expect(casePage).toBeVisible();
  await casePage.getByRole('button', { name: t('attachment.attach'), exact: true }).click();
  await expect(casePage.getByTestId('evidence-sha256')).toHaveText(
    createHash('sha256').update(PIXEL_PNG).digest('hex'),
  );
  await casePage
    .getByRole('button', { name: t('attachment.preview', { name: 'foto.png' }) })
    .click();
  const preview = page.getByRole('dialog');
  const img = preview.getByRole('img', { name: t('attachment.previewAlt', { name: 'foto.png' }) });
  await expect(img).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() =>
      img.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBe(1);
  await expectNoSeriousViolations(page, 'image preview');
  await preview.getByRole('button', { name: t('attachment.closePreview') }).click();
  await expect(preview).toHaveCount(0);

  // Deleting the case first says what will be lost, evidence included.
  await casePage.getByRole('button', { name: t('case.delete'), exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(t('case.deleteAggressions_one', { count: 1 }));
  await expect(confirm).toContainText(t('case.deleteEvidence_one', { count: 1 }));
  await expectNoSeriousViolations(page, 'delete case confirmation');
  await confirm.getByRole('button', { name: t('case.deleteConfirm'), exact: true }).click();
  await expect(page.getByTestId('section-cases').getByTestId('case-count')).toHaveText(
    t('case.count_other', { number: new Intl.NumberFormat('es').format(total - 1) }),
  );
});
