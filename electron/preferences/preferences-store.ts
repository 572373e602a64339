import { readFile } from 'node:fs/promises';
import {
  IDLE_MINUTES_DEFAULT,
  preferencesSchema,
  type Language,
  type Preferences,
} from '../../shared/preferences';
import { writeFileAtomic } from '../files/atomic-write';

/**
 * Device preferences, outside the encrypted database because the lock screen needs them.
 * They reveal nothing about records (a language and a number of minutes).
 */
export interface PreferencesStore {
  get(): Preferences;
  update(change: Partial<Preferences>): Promise<Preferences>;
}

export async function loadPreferences(
  file: string,
  defaultLanguage: Language,
): Promise<PreferencesStore> {
  let current: Preferences = { language: defaultLanguage, idleMinutes: IDLE_MINUTES_DEFAULT };
  try {
    const stored = preferencesSchema.partial().safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (stored.success) current = { ...current, ...stored.data };
  } catch {
    /* missing or unreadable: keep the defaults */
  }
  return {
    get: () => current,
    async update(change) {
      const next = preferencesSchema.parse({ ...current, ...change });
      await writeFileAtomic(file, JSON.stringify(next, null, 2));
      current = next;
      return next;
    },
  };
}
