import { type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { translator } from './support/i18n';

const t = translator('es');
const vocab = (name: string, code: string) => t(`vocab.${name}.${code}`);

const DEFENDER = 'Itzel Ramírez';
const THREAT = 'Mensaje anónimo con amenaza de muerte';
const OVERDUE_MEASURE = 'Instalar botón de pánico';
const OPEN_MEASURE = 'Acompañamiento psicosocial mensual';

async function openSection(page: Page, section: 'home' | 'people' | 'risk') {
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

test('assesses a defender, plans, re-assesses and sees it on the dashboard', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  await createVault(page, 'es');

  // --- The defender ---
  await openSection(page, 'people');
  await page.getByRole('link', { name: t('person.new'), exact: true }).click();
  const newPerson = page.getByTestId('screen-person-new');
  await newPerson.getByLabel(t('person.name'), { exact: true }).fill(DEFENDER);
  await newPerson.getByRole('button', { name: t('person.create'), exact: true }).click();
  const person = page.getByTestId('screen-person');
  await expect(person.getByRole('heading', { name: DEFENDER, level: 1 })).toBeVisible();
  await expect(person.getByTestId('risk-history')).toContainText(t('assessment.noHistory'));

  // --- The Risk section lists her too ---
  await openSection(page, 'risk');
  await expectNoSeriousViolations(page, 'risk section');
  await page.getByRole('link', { name: DEFENDER, exact: true }).click();
  const history = page.getByTestId('screen-risk-person');
  await expect(history).toBeVisible();
  await history.getByRole('link', { name: t('assessment.new'), exact: true }).click();

  // --- A first assessment ---
  const form = page.getByTestId('screen-risk-new');
  await expect(form.getByRole('heading', { level: 1 })).toContainText(DEFENDER);
  const level = form.getByTestId('risk-level');
  await expect(form.getByTestId('risk-reasons')).toContainText(t('assessment.note.no_threats'));
  await form.getByLabel(t('assessment.assessedOn'), { exact: true }).fill('2026-01-10');
  await choose(page, form, t('assessment.kind'), vocab('assessment_kind', 'immediate'));

  await form.getByRole('button', { name: t('assessment.addThreat'), exact: true }).click();
  const threat = form.getByRole('group', { name: t('assessment.threatNumber', { number: 1 }) });
  await threat.getByLabel(t('assessment.threatDescription'), { exact: true }).fill(THREAT);
  await choose(
    page,
    threat,
    t('assessment.perpetratorType'),
    vocab('perpetrator_type', 'organized_crime'),
  );
  await threat.getByLabel(t('assessment.likelihood'), { exact: true }).selectOption('4');
  await threat.getByLabel(t('assessment.impact'), { exact: true }).selectOption('5');

  await form.getByRole('button', { name: t('assessment.addVulnerability'), exact: true }).click();
  const vulnerability = form.getByRole('group', {
    name: t('assessment.vulnerabilityNumber', { number: 1 }),
  });
  await choose(page, vulnerability, t('assessment.area'), vocab('risk_area', 'location_physical'));
  await vulnerability.getByLabel(t('assessment.rating'), { exact: true }).selectOption('2');
  await vulnerability
    .getByLabel(t('assessment.factorDescription'), { exact: true })
    .fill('Vive sola en una zona aislada');

  await form.getByRole('button', { name: t('assessment.addCapacity'), exact: true }).click();
  const capacity = form.getByRole('group', { name: t('assessment.capacityNumber', { number: 1 }) });
  await choose(page, capacity, t('assessment.area'), vocab('risk_area', 'organization_networks'));
  await capacity.getByLabel(t('assessment.rating'), { exact: true }).selectOption('1');
  await capacity
    .getByLabel(t('assessment.factorDescription'), { exact: true })
    .fill('Red comunitaria de alerta');

  await form.getByLabel(t('assessment.selfCareRest'), { exact: true }).fill('Duerme poco');

  // T = 20/25, V = 2/3, C = 1/3 → 1.6: extreme, and the threat weighs most.
  await expect(level).toHaveText(vocab('risk_level', 'extreme'));
  await expect(form.getByTestId('risk-reasons').getByRole('listitem').first()).toContainText(
    THREAT,
  );
  // An override needs a written reason; without one the form refuses to save.
  await form.getByLabel(t('assessment.overrideToggle'), { exact: true }).check();
  await form.getByRole('button', { name: t('assessment.create'), exact: true }).click();
  await expect(form.getByLabel(t('assessment.overrideReason'), { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoSeriousViolations(page, 'new assessment form');
  await form.getByLabel(t('assessment.overrideToggle'), { exact: true }).uncheck();
  await form.getByRole('button', { name: t('assessment.create'), exact: true }).click();

  // --- Its protection plan: two measures, one overdue ---
  const assessment = page.getByTestId('screen-risk-assessment');
  await expect(assessment.getByRole('heading', { level: 1 })).toContainText(DEFENDER);
  await expect(assessment.getByTestId('risk-level')).toHaveText(vocab('risk_level', 'extreme'));
  const plan = assessment.getByTestId('risk-plan');
  await choose(page, plan, t('plan.category'), vocab('measure_category', 'physical'));
  await plan.getByLabel(t('plan.description'), { exact: true }).fill(OVERDUE_MEASURE);
  await plan.getByLabel(t('plan.responsible'), { exact: true }).fill('Ana Gómez');
  await plan.getByLabel(t('plan.dueOn'), { exact: true }).fill('2026-01-20');
  await plan.getByRole('button', { name: t('plan.add'), exact: true }).click();
  await expect(plan.getByTestId('measure')).toHaveCount(1);

  await choose(page, plan, t('plan.category'), vocab('measure_category', 'psychosocial_selfcare'));
  await plan.getByLabel(t('plan.description'), { exact: true }).fill(OPEN_MEASURE);
  await plan.getByLabel(t('plan.responsible'), { exact: true }).fill('Marta López');
  await plan.getByLabel(t('plan.dueOn'), { exact: true }).fill('2099-12-31');
  await plan.getByRole('button', { name: t('plan.add'), exact: true }).click();
  await expect(plan.getByTestId('measure')).toHaveCount(2);

  const overdue = plan.locator('.measure-overdue');
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText(OVERDUE_MEASURE);
  await expect(overdue).toContainText(t('plan.overdue'));
  await expectNoSeriousViolations(page, 'assessment page with plan');

  // --- The history: one point so far ---
  await assessment.getByRole('link', { name: t('assessment.backToHistory'), exact: true }).click();
  await expect(history).toBeVisible();
  await expect(history.getByTestId('trend-point')).toHaveCount(1);
  await history.locator('ol.record-list a').first().click();

  // --- Re-assess, with stronger capacities ---
  await expect(assessment.getByTestId('risk-plan')).toBeVisible();
  await assessment.getByLabel(t('assessment.reassessDate'), { exact: true }).fill('2026-02-15');
  await assessment.getByRole('button', { name: t('assessment.reassess'), exact: true }).click();
  await expect(assessment.getByLabel(t('assessment.assessedOn'), { exact: true })).toHaveValue(
    '2026-02-15',
  );
  const copied = assessment.getByRole('group', {
    name: t('assessment.capacityNumber', { number: 1 }),
  });
  await copied.getByLabel(t('assessment.rating'), { exact: true }).selectOption('3');
  // T = 0.8, V = 2/3, C = 1 → 0.53: high.
  await expect(assessment.getByTestId('risk-level')).toHaveText(vocab('risk_level', 'high'));
  await assessment.getByRole('button', { name: t('assessment.save'), exact: true }).click();
  await expect(assessment.getByRole('status')).toHaveText(t('assessment.saved'));
  await expect(assessment.getByTestId('risk-plan').locator('.measure-overdue')).toContainText(
    OVERDUE_MEASURE,
  );

  // --- The trend chart gains a point; its table says the same ---
  await assessment.getByRole('link', { name: t('assessment.backToHistory'), exact: true }).click();
  await expect(history.getByTestId('trend-point')).toHaveCount(2);
  const trend = history.getByTestId('risk-trend');
  await trend.getByRole('button', { name: t('charts.showTable'), exact: true }).click();
  const rows = trend.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(vocab('risk_level', 'extreme'));
  await expect(rows.nth(1)).toContainText(vocab('risk_level', 'high'));
  await expectNoSeriousViolations(page, 'risk history with trend chart');

  // --- The dashboard: the review is overdue, so is the measure ---
  await openSection(page, 'home');
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard.getByTestId('dash-reviews')).toContainText(DEFENDER);
  await expect(dashboard.getByTestId('dash-reviews')).toContainText(
    t('assessment.reviewStatus.overdue', { date: '' }).trim(),
  );
  await expect(dashboard.getByTestId('dash-at-risk')).toContainText(DEFENDER);
  await expect(dashboard.getByTestId('dash-measures')).toContainText(OVERDUE_MEASURE);
  await expect(dashboard.getByTestId('dash-measures')).not.toContainText(OPEN_MEASURE);
  await expectNoSeriousViolations(page, 'dashboard');
});
