import { z } from 'zod';

export const languages = ['es', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 120;
export const IDLE_MINUTES_DEFAULT = 5;

/** Device preferences: needed before unlock (the lock screen speaks the user's language). */
export const preferencesSchema = z.strictObject({
  language: languageSchema,
  idleMinutes: z.number().int().min(IDLE_MINUTES_MIN).max(IDLE_MINUTES_MAX),
});
export type Preferences = z.infer<typeof preferencesSchema>;
