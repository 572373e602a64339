import { z } from 'zod';

/**
 * A controlled vocabulary: stable snake_case codes stored in the database. Labels are not here:
 * they live in the renderer's i18n resources under `vocab.<name>.<code>`.
 */
export function vocabulary<const C extends readonly [string, ...string[]]>(codes: C) {
  return { codes, schema: z.enum(codes) };
}
