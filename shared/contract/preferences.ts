import { z } from 'zod';
import {
  languageSchema,
  preferencesSchema,
  IDLE_MINUTES_MAX,
  IDLE_MINUTES_MIN,
} from '../preferences';

export const preferenceOperations = {
  'preferences.get': { input: z.strictObject({}), output: preferencesSchema },
  'preferences.update': {
    input: z.strictObject({
      language: languageSchema.optional(),
      idleMinutes: z.number().int().min(IDLE_MINUTES_MIN).max(IDLE_MINUTES_MAX).optional(),
    }),
    output: preferencesSchema,
  },
} as const;
