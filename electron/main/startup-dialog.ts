import { app, dialog } from 'electron';
import { type StartupFailure } from '../startup/startup-failure';
import { startupLanguage, startupMessage } from '../startup/startup-text';
import { defaultLanguageFrom } from './language';

/**
 * Say why Resguardo cannot start, in the user's language, and end the app: one modal
 * `dialog.showErrorBox(title, message)` (after `app.whenReady()`: before it, Linux only prints
 * to stderr), then `app.exit(1)`.
 */
export function refuseToStart(failure: StartupFailure, preferencesFile: string): void {
  const systemLanguage = defaultLanguageFrom(app.getPreferredSystemLanguages(), app.getLocale());
  const { title, message } = startupMessage(
    failure,
    startupLanguage(preferencesFile, systemLanguage),
  );
  dialog.showErrorBox(title, message);
  app.exit(1);
}
