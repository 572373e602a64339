import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/database/open-database';
import { RECORD_KINDS, writableColumns } from '../../electron/exchange/table-records';
import en from '../../shared/locales/en.json';
import es from '../../shared/locales/es.json';
import { tempDir } from './support/temp-dir';

/** Fields that travel inside a record without being a column of its table. */
const CARRIED: Partial<Record<string, string[]>> = {
  aggressions: ['types'],
  risk_threats: ['aggressions'],
};

describe('conflict comparison labels', () => {
  it('names every field of every record that travels, in Spanish and English', async () => {
    const db = await openDatabase(join(await tempDir(), 'labels.db'), randomBytes(32));
    try {
      const missing: string[] = [];
      for (const kind of RECORD_KINDS) {
        const fields = [...(await writableColumns(db, kind)), ...(CARRIED[kind] ?? [])];
        expect(fields.length).toBeGreaterThan(0);
        for (const field of fields) {
          for (const [language, catalogue] of [
            ['es', es.handoff.fields],
            ['en', en.handoff.fields],
          ] as const) {
            const label: unknown = (catalogue as Record<string, unknown>)[field];
            // A raw column name on screen is jargon: each one needs a label of its own.
            if (typeof label !== 'string' || label === '' || label === field) {
              missing.push(`${language}: ${kind}.${field}`);
            }
          }
        }
      }
      expect(missing).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
