import { type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { translator } from './support/i18n';
import { createCase } from './support/records';

const t = translator('es');
const vocab = (name: string, code: string) => t(`vocab.${name}.${code}`);

const COLLECTIVE = 'Colectiva Mujeres del Maíz';
const DEFENDER = 'Itzel Ramírez';
const THREAT = 'Mensaje anónimo con amenaza de muerte';
const NARRATIVE = 'Dos hombres armados la siguieron hasta su casa.';
const FACTS = 'Tres mensajes en una semana, tras la asamblea comunitaria';

async function openSection(page: Page, section: 'people' | 'risk') {
  await page
    .getByRole('navigation', { name: t('shell.navLabel'), exact: true })
    .getByRole('link', { name: t(`sections.${section}.title`), exact: true })
    .click();
  await expect(page.getByTestId(`section-${section}`)).toBeVisible();
}

test('assesses a collective and sees it in its history and on its page', async ({
  app: page,
  host,
}) => {
  test.setTimeout(120_000);
  await createVault(page, 'es');
  const collective = (await host.ipc('collectives.create', {
    name: COLLECTIVE,
    kind: 'collective',
    country: 'MX',
    department: 'Oaxaca',
    municipality: null,
    rightsDefended: [],
    description: '',
    confidentiality: 'internal',
  })) as { id: string };
  // An aggression against the collective, so its threats can be linked to it.
  const attackedId = await createCase(host, 'Allanamiento de la radio', { urgency: 'high' });
  await host.ipc('aggressions.add', {
    caseId: attackedId,
    occurredOn: '2025-12-01',
    datePrecision: 'exact',
    country: 'MX',
    department: null,
    municipality: null,
    exactPlace: null,
    scope: 'organizational',
    types: ['raid'],
    genderComponents: [],
    narrative: 'Entraron de noche y se llevaron los equipos.',
    victims: [{ personId: null, collectiveId: collective.id, role: 'direct' }],
    perpetrators: [],
  });

  await openSection(page, 'risk');
  await expect(page.getByTestId('risk-collectives')).toContainText(COLLECTIVE);
  await expectNoSeriousViolations(page, 'risk section with collectives');
  await page.getByRole('link', { name: COLLECTIVE, exact: true }).click();
  const history = page.getByTestId('screen-risk-collective');
  await expect(history.getByRole('heading', { level: 1 })).toContainText(COLLECTIVE);
  await expect(history).toContainText(t('assessment.noHistory'));
  await history.getByRole('link', { name: t('assessment.new'), exact: true }).click();

  const form = page.getByTestId('screen-risk-new');
  await expect(form.getByRole('heading', { level: 1 })).toContainText(COLLECTIVE);
  await form.getByLabel(t('assessment.assessedOn'), { exact: true }).fill('2026-01-10');
  await form.getByRole('button', { name: t('assessment.addThreat'), exact: true }).click();
  const threat = form.getByRole('group', { name: t('assessment.threatNumber', { number: 1 }) });
  await threat.getByLabel(t('assessment.threatDescription'), { exact: true }).fill(THREAT);
  const links = threat.getByTestId('threat-aggressions');
  await expect(links.getByRole('checkbox')).toHaveCount(1);
  await expect(links).toContainText(vocab('aggression_type', 'raid'));
  await links.getByRole('checkbox').check();
  await form.getByRole('button', { name: t('assessment.create'), exact: true }).click();

  const assessment = page.getByTestId('screen-risk-assessment');
  await expect(assessment.getByRole('heading', { level: 1 })).toContainText(COLLECTIVE);
  await assessment.getByRole('link', { name: t('assessment.backToHistory'), exact: true }).click();
  await expect(history.getByTestId('trend-point')).toHaveCount(1);
  await expect(history.locator('ol.record-list')).toContainText('2026');

  // The collective's own page shows the same history.
  await page.evaluate(`window.location.hash = '#/people/collectives/${collective.id}'`);
  const page2 = page.getByTestId('screen-collective');
  await expect(page2.getByTestId('risk-history').getByTestId('trend-point')).toHaveCount(1);
  await expectNoSeriousViolations(page, 'collective page with risk history');
});

test('links an aggression to a threat and keeps the link and the analysis', async ({
  app: page,
  host,
}) => {
  test.setTimeout(120_000);
  await createVault(page, 'es');
  const person = (await host.ipc('people.create', {
    name: DEFENDER,
    pseudonym: null,
    genderIdentity: null,
    ageRange: null,
    ethnicIdentity: null,
    country: 'MX',
    department: null,
    municipality: null,
    organization: null,
    collectiveId: null,
    movement: null,
    rightsDefended: [],
    contactChannels: [],
    confidentiality: 'internal',
  })) as { id: string };
  const caseId = await createCase(host, 'Hostigamiento en Juchitán', { urgency: 'high' });
  await host.ipc('aggressions.add', {
    caseId,
    occurredOn: '2026-03-14',
    datePrecision: 'exact',
    country: 'MX',
    department: null,
    municipality: null,
    exactPlace: null,
    scope: 'personal',
    types: ['death_threat'],
    genderComponents: [],
    narrative: NARRATIVE,
    victims: [{ personId: person.id, collectiveId: null, role: 'direct' }],
    perpetrators: [],
  });

  await page.evaluate(`window.location.hash = '#/risk/new/${person.id}'`);
  const form = page.getByTestId('screen-risk-new');
  await expect(form.getByRole('heading', { level: 1 })).toContainText(DEFENDER);
  await form.getByRole('button', { name: t('assessment.addThreat'), exact: true }).click();
  const threat = form.getByRole('group', { name: t('assessment.threatNumber', { number: 1 }) });
  await threat.getByLabel(t('assessment.threatDescription'), { exact: true }).fill(THREAT);
  const links = threat.getByTestId('threat-aggressions');
  const option = links.getByRole('checkbox');
  await expect(option).toHaveCount(1);
  // Date and type, never the narrative.
  await expect(links).toContainText(vocab('aggression_type', 'death_threat'));
  await expect(links).not.toContainText(NARRATIVE);
  await option.check();
  await threat.getByLabel(t('assessment.analysis.facts'), { exact: true }).fill(FACTS);
  await expectNoSeriousViolations(page, 'threat with aggressions and analysis');
  await form.getByRole('button', { name: t('assessment.create'), exact: true }).click();

  // Reopen it from the history: the link and the analysis are kept.
  const assessment = page.getByTestId('screen-risk-assessment');
  await expect(assessment.getByRole('heading', { level: 1 })).toContainText(DEFENDER);
  await assessment.getByRole('link', { name: t('assessment.backToHistory'), exact: true }).click();
  const history = page.getByTestId('screen-risk-person');
  await history.locator('ol.record-list a').first().click();
  const reopened = assessment.getByRole('group', {
    name: t('assessment.threatNumber', { number: 1 }),
  });
  await expect(reopened.getByTestId('threat-aggressions').getByRole('checkbox')).toBeChecked();
  await expect(reopened.getByLabel(t('assessment.analysis.facts'), { exact: true })).toHaveValue(
    FACTS,
  );
});
