import { readFileSync } from 'node:fs';
import { z } from 'zod';
import en from '../../shared/locales/en.json';
import es from '../../shared/locales/es.json';
import { type Language, languageSchema } from '../../shared/preferences';
import { type StartupFailure } from './startup-failure';

const withDetail = z.string().includes('{{detail}}');

/** The catalogs' `startup` part, checked here: a missing message fails at load and in tests. */
const startupSchema = z.object({
  startup: z.object({
    title: z.string().min(1),
    sandbox_off: withDetail,
    part_missing: withDetail,
    wrong_architecture: withDetail,
    system_library_missing: withDetail,
    install_damaged: withDetail,
    data_folder_not_writable: withDetail,
    disk_full: withDetail,
    unknown: withDetail,
  } satisfies Record<'title' | StartupFailure['kind'], z.ZodString>),
});
const catalogs = { es: startupSchema.parse(es).startup, en: startupSchema.parse(en).startup };

/** The dialog's words for a start-up failure, in the user's language. */
export function startupMessage(
  failure: StartupFailure,
  language: Language,
): { title: string; message: string } {
  const catalog = catalogs[language];
  return {
    title: catalog.title,
    message: catalog[failure.kind].replace('{{detail}}', failure.detail),
  };
}

/**
 * The language the user chose (the device preferences, readable before unlock), else the
 * system's. Never throws: the folder may be the very thing that failed.
 */
export function startupLanguage(preferencesFile: string, systemDefault: Language): Language {
  try {
    const stored = z
      .object({ language: languageSchema })
      .safeParse(JSON.parse(readFileSync(preferencesFile, 'utf8')));
    return stored.success ? stored.data.language : systemDefault;
  } catch {
    return systemDefault;
  }
}
