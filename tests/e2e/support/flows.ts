import { expect, type Page } from '@playwright/test';
import { pattern, translator, type Language } from './i18n';

/**
 * User journeys shared by the browser specs and the Electron smoke test. Each step waits on the
 * screen it expects (by `data-testid`), never on time.
 */
export interface Office {
  officeName: string;
  displayName: string;
  passphrase: string;
}

export const office: Office = {
  officeName: 'Red Mesoamericana Norte',
  displayName: 'Lucía Pérez',
  passphrase: 'marimba tejado luciérnaga brújula 47',
};

export const WEAK_PASSPHRASE = 'contraseña';

export function screen(
  page: Page,
  name: 'create' | 'recovery-key' | 'unlock' | 'recover' | 'home' | 'settings',
) {
  return page.getByTestId(`screen-${name}`);
}

/** Fill the names step and reach the passphrase step. */
export async function enterNames(
  page: Page,
  language: Language,
  details: Office = office,
): Promise<void> {
  const t = translator(language);
  const create = screen(page, 'create');
  await expect(create).toBeVisible();
  await create.getByLabel(t('create.officeName'), { exact: true }).fill(details.officeName);
  await create.getByLabel(t('create.displayName'), { exact: true }).fill(details.displayName);
  await create.getByRole('button', { name: t('common.continue'), exact: true }).click();
  await expect(
    create.getByRole('heading', { name: t('create.stepPassphrase'), exact: true }),
  ).toBeVisible();
}

export async function enterNewPassphrase(
  page: Page,
  language: Language,
  passphrase: string,
): Promise<void> {
  const t = translator(language);
  await page.getByLabel(t('passphrase.new'), { exact: true }).fill(passphrase);
  await page.getByLabel(t('passphrase.confirm'), { exact: true }).fill(passphrase);
}

/** Submit the passphrase step; returns the recovery key read from its groups on screen. */
export async function submitCreate(page: Page, language: Language): Promise<string[]> {
  const t = translator(language);
  await screen(page, 'create')
    .getByRole('button', { name: t('create.submit'), exact: true })
    .click();
  const recovery = screen(page, 'recovery-key');
  await expect(recovery).toBeVisible();
  const groups = recovery.getByTestId('recovery-group');
  await expect(groups.first()).toBeVisible();
  const texts = (await groups.allTextContents()).map((text) => text.trim());
  expect(texts.length).toBeGreaterThan(1);
  for (const group of texts) expect(group).toMatch(/^[0-9A-Z]+$/);
  return texts;
}

/** "I stored it", then retype the group the screen asks for; ends on the home screen. */
export async function confirmRecoveryKey(
  page: Page,
  language: Language,
  groups: string[],
): Promise<void> {
  const t = translator(language);
  const recovery = screen(page, 'recovery-key');
  await recovery.getByRole('button', { name: t('recoveryKey.stored'), exact: true }).click();
  const askLabel = recovery.getByText(pattern(language, 'recoveryKey.typeGroup'));
  await expect(askLabel).toBeVisible();
  const asked = pattern(language, 'recoveryKey.typeGroup').exec(
    (await askLabel.textContent()) ?? '',
  );
  const number = Number(asked?.[1]);
  expect(Number.isInteger(number) && number >= 1 && number <= groups.length).toBe(true);
  await recovery.getByLabel(t('recoveryKey.typeGroup', { number })).fill(groups[number - 1] ?? '');
  await recovery.getByRole('button', { name: t('recoveryKey.confirm'), exact: true }).click();
  await expect(screen(page, 'home')).toBeVisible();
}

/** The whole first run: names, passphrase, recovery key confirmed. Returns the key's groups. */
export async function createVault(
  page: Page,
  language: Language,
  details: Office = office,
): Promise<string[]> {
  await enterNames(page, language, details);
  await enterNewPassphrase(page, language, details.passphrase);
  const groups = await submitCreate(page, language);
  await confirmRecoveryKey(page, language, groups);
  return groups;
}

export async function lock(page: Page, language: Language): Promise<void> {
  const t = translator(language);
  await screen(page, 'home')
    .getByRole('button', { name: t('shell.lock'), exact: true })
    .click();
  await expect(screen(page, 'unlock')).toBeVisible();
}

export async function submitUnlock(
  page: Page,
  language: Language,
  passphrase: string,
): Promise<void> {
  const t = translator(language);
  const unlock = screen(page, 'unlock');
  await expect(unlock).toBeVisible();
  await unlock.getByLabel(t('unlock.passphrase'), { exact: true }).fill(passphrase);
  await unlock.getByRole('button', { name: t('unlock.submit'), exact: true }).click();
}

export async function unlock(page: Page, language: Language, passphrase: string): Promise<void> {
  await submitUnlock(page, language, passphrase);
  await expect(screen(page, 'home')).toBeVisible();
}

/** Through the main navigation (the overview page links there too). */
export async function openSettings(page: Page, language: Language) {
  const t = translator(language);
  await page
    .getByRole('navigation', { name: t('shell.navLabel'), exact: true })
    .getByRole('link', { name: t('sections.settings.title'), exact: true })
    .click();
  const settings = screen(page, 'settings');
  await expect(settings).toBeVisible();
  return settings;
}
