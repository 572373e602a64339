import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/database/migrations';
import { openDatabase } from '../../electron/database/open-database';
import { insertAggression } from '../../electron/repositories/aggression-repository';
import { insertCase } from '../../electron/repositories/case-repository';
import { insertPerson } from '../../electron/repositories/people-repository';
import { aggressionSample, caseSample, personSample } from './support/record-samples';
import { tempDir } from './support/temp-dir';

describe('migration 9 (dashboard counts, subject activity)', () => {
  it('fills both from the acts already recorded, then the triggers keep them', async () => {
    const file = join(await tempDir(), 'old.db');
    const key = randomBytes(32);
    const before = migrations.filter((m) => m.version < 9);
    const old = await openDatabase(file, key, { migrations: before });
    const personId = await old.transaction(async (tx) => {
      const id = await insertPerson(tx, personSample);
      const caseId = await insertCase(tx, caseSample);
      const victims = [{ personId: id, collectiveId: null, role: 'close_person' as const }];
      const police = {
        type: 'police' as const,
        identified: false,
        description: '',
        involvement: 'direct' as const,
      };
      await insertAggression(tx, caseId, {
        ...aggressionSample,
        victims,
        perpetrators: [police, police],
      });
      await insertAggression(tx, caseId, {
        ...aggressionSample,
        occurredOn: '2026-05-02',
        country: null,
      });
      return id;
    });
    await old.close();

    const db = await openDatabase(file, key);
    const counts = await db.all(
      'SELECT dimension, month, key, n FROM dashboard_counts ORDER BY dimension, month, key',
    );
    expect(counts).toEqual([
      { dimension: 'act', month: '2026-03', key: '', n: 1 },
      { dimension: 'act', month: '2026-05', key: '', n: 1 },
      { dimension: 'country', month: '2026-03', key: 'MX', n: 1 },
      { dimension: 'country', month: '2026-05', key: '', n: 1 },
      { dimension: 'perpetrator', month: '2026-03', key: 'police', n: 1 },
      { dimension: 'perpetrator', month: '2026-05', key: 'company', n: 1 },
      { dimension: 'type', month: '2026-03', key: 'death_threat', n: 1 },
      { dimension: 'type', month: '2026-03', key: 'surveillance', n: 1 },
      { dimension: 'type', month: '2026-05', key: 'death_threat', n: 1 },
      { dimension: 'type', month: '2026-05', key: 'surveillance', n: 1 },
    ]);
    expect(await db.all('SELECT * FROM risk_subject_activity')).toEqual([
      { subject_id: personId, last_aggression_on: '2026-03-14', last_close_on: '2026-03-14' },
    ]);
    await db.run('DELETE FROM cases');
    expect((await db.get('SELECT sum(n) AS n FROM dashboard_counts'))?.['n']).toBe(0);
    expect(await db.all('SELECT * FROM risk_subject_activity')).toEqual([
      { subject_id: personId, last_aggression_on: null, last_close_on: null },
    ]);
    await db.run('DELETE FROM people');
    expect(await db.all('SELECT * FROM risk_subject_activity')).toEqual([]);
    await db.close();
  });
});
