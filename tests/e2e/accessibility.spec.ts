import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createVault, lock, screen } from './support/flows';

/** No serious or critical axe-core violation on the screens everyone passes through. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

test('the create screen has no serious accessibility violation', async ({ app: page }) => {
  await expect(screen(page, 'create')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('the unlock and home screens have no serious accessibility violation', async ({
  app: page,
}) => {
  await createVault(page, 'es');
  await expect(screen(page, 'home')).toBeVisible();
  await expectNoSeriousViolations(page);
  await lock(page, 'es');
  await expectNoSeriousViolations(page);
});
