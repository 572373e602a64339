import { expect, test, waitForReady } from './support/fixtures';
import {
  WEAK_PASSPHRASE,
  confirmRecoveryKey,
  enterNames,
  enterNewPassphrase,
  lock,
  office,
  openSettings,
  screen,
  submitCreate,
  submitUnlock,
  unlock,
} from './support/flows';
import { translator } from './support/i18n';

const es = translator('es');
const en = translator('en');
const NEW_PASSPHRASE = 'cometa naranja sobre puente 1989 azul';

test('a network creates its vault, locks it, gets back in with the passphrase and with the recovery key', async ({
  app: page,
  host,
}) => {
  await test.step('create: a weak passphrase is refused with a message', async () => {
    await enterNames(page, 'es');
    await enterNewPassphrase(page, 'es', WEAK_PASSPHRASE);
    await screen(page, 'create')
      .getByRole('button', { name: es('create.submit'), exact: true })
      .click();
    await expect(screen(page, 'create').getByText(es('validation.weak'))).toBeVisible();
    await expect(screen(page, 'create')).toBeVisible();
  });

  let groups: string[] = [];
  await test.step('create: a strong passphrase gives a recovery key, confirmed by retyping a group', async () => {
    await enterNewPassphrase(page, 'es', office.passphrase);
    groups = await submitCreate(page, 'es');
    await screen(page, 'recovery-key')
      .getByRole('button', { name: es('recoveryKey.copy'), exact: true })
      .click();
    await expect(screen(page, 'recovery-key').getByText(es('recoveryKey.copied'))).toBeVisible();
    expect(await host.clipboard()).toBe(groups.join('-'));
    await confirmRecoveryKey(page, 'es', groups);
    await expect(screen(page, 'home').getByText(office.officeName)).toBeVisible();
  });

  await test.step('lock, then a wrong passphrase is refused and the right one opens', async () => {
    await lock(page, 'es');
    await submitUnlock(page, 'es', 'esta no es la frase correcta');
    await expect(screen(page, 'unlock').getByRole('alert')).toHaveText(es('errors.wrong_secret'));
    await unlock(page, 'es', office.passphrase);
  });

  await test.step('lock, then the recovery key opens and sets a new passphrase', async () => {
    await lock(page, 'es');
    await screen(page, 'unlock')
      .getByRole('button', { name: es('unlock.useRecoveryKey'), exact: true })
      .click();
    const recover = screen(page, 'recover');
    await expect(recover).toBeVisible();
    // Typed the way a person copies it from paper: lower case, spaces between groups.
    await recover
      .getByLabel(es('recover.recoveryKey'), { exact: true })
      .fill(groups.join(' ').toLowerCase());
    await enterNewPassphrase(page, 'es', NEW_PASSPHRASE);
    await recover.getByRole('button', { name: es('recover.submit'), exact: true }).click();
    await expect(screen(page, 'home')).toBeVisible();
  });

  await test.step('the new passphrase opens; the old one no longer does', async () => {
    await lock(page, 'es');
    await submitUnlock(page, 'es', office.passphrase);
    await expect(screen(page, 'unlock').getByRole('alert')).toHaveText(es('errors.wrong_secret'));
    await unlock(page, 'es', NEW_PASSPHRASE);
  });
});

test('settings switch the language to English, and the vault locks itself after the idle time', async ({
  app: page,
  host,
}) => {
  await enterNames(page, 'es');
  await enterNewPassphrase(page, 'es', office.passphrase);
  await confirmRecoveryKey(page, 'es', await submitCreate(page, 'es'));

  await test.step('switch to English in Settings', async () => {
    const settings = await openSettings(page, 'es');
    await settings.getByRole('button', { name: new RegExp(es('settings.language')) }).click();
    await page.getByRole('option', { name: en('settings.languageNames.en'), exact: true }).click();
    await settings.getByRole('button', { name: es('settings.save'), exact: true }).click();
    await expect(
      settings.getByRole('heading', { name: en('sections.settings.title'), exact: true }),
    ).toBeVisible();
    await expect(settings.getByText(en('settings.saved'))).toBeVisible();
    await expect(page.getByRole('button', { name: en('shell.lock'), exact: true })).toBeVisible();
  });

  await test.step('English survives a lock (the lock screen speaks it too)', async () => {
    await lock(page, 'en');
    await expect(
      screen(page, 'unlock').getByRole('heading', { name: en('unlock.title'), exact: true }),
    ).toBeVisible();
    await unlock(page, 'en', office.passphrase);
  });

  await test.step('idle time of one minute: 61 idle seconds lock the vault', async () => {
    const settings = await openSettings(page, 'en');
    await settings
      .getByRole('textbox', { name: en('settings.idleMinutes'), exact: true })
      .fill('1');
    await settings.getByRole('button', { name: en('settings.save'), exact: true }).click();
    await expect(settings.getByText(en('settings.saved'))).toBeVisible();

    // The lock arrives as an event: make sure the page is listening before idling.
    await waitForReady(page);
    await host.setIdleSeconds(61);
    await expect(screen(page, 'unlock')).toBeVisible();
    expect((await host.events()).at(-1)).toEqual({
      event: 'vault.locked',
      payload: { reason: 'idle' },
    });
    await host.setIdleSeconds(0);
    await unlock(page, 'en', office.passphrase);
  });
});
