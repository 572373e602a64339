import { afterEach, describe, expect, it } from 'vitest';
import { type Database } from '../../electron/database/sqlite';
import { insertAggression } from '../../electron/repositories/aggression-repository';
import { insertCase } from '../../electron/repositories/case-repository';
import {
  getAssessment,
  insertAssessment,
} from '../../electron/repositories/risk-assessment-repository';
import { assessmentHistory } from '../../electron/repositories/risk-history';
import { aggressionSample, caseSample } from './support/record-samples';
import { addPerson, fieldsAt, openRiskDatabase } from './support/risk-db';

let db: Database | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

async function assessed(level: { likelihood: number; impact: number }, extra = {}) {
  db = await openRiskDatabase();
  const personId = await addPerson(db, 'Berta Cáceres Flores');
  const id = await db.transaction((tx) =>
    insertAssessment(tx, { personId, collectiveId: null }, fieldsAt('2026-03-01', level, extra)),
  );
  return { db, personId, id };
}

describe('the review schedule against a given today', () => {
  it('high risk (16/25): review 30 days after, due a week before, overdue the day after', async () => {
    const { db, id } = await assessed({ likelihood: 4, impact: 4 });
    const at = async (today: string) => (await getAssessment(db, id, today)).review;
    expect((await at('2026-03-01')).nextReviewOn).toBe('2026-03-31');
    expect((await at('2026-03-23')).status).toBe('scheduled');
    expect((await at('2026-03-24')).status).toBe('due');
    expect((await at('2026-03-31')).status).toBe('due');
    expect((await at('2026-04-01')).status).toBe('overdue');
  });

  it('extreme by override: 7 days, whatever was computed', async () => {
    const override = { level: 'extreme' as const, reason: 'Amenaza a su hija' };
    const { db, id } = await assessed({ likelihood: 1, impact: 1 }, { override });
    const found = await getAssessment(db, id, '2026-03-09');
    expect(found.scoring.computedLevel).toBe('low');
    expect(found.review).toEqual({ nextReviewOn: '2026-03-08', status: 'overdue', triggers: [] });
  });

  it('at once when the assessor flags a change in the case, even right after the assessment', async () => {
    const { db, id } = await assessed(
      { likelihood: 1, impact: 1 },
      { reviewTriggers: ['case_change'] },
    );
    const found = await getAssessment(db, id, '2026-03-02');
    expect(found.review).toEqual({
      nextReviewOn: '2026-05-30',
      status: 'at_once',
      triggers: ['case_change'],
    });
  });

  it('at once after an aggression against her dated after the assessment, not before', async () => {
    const { db, id, personId } = await assessed({ likelihood: 2, impact: 3 });
    const act = (
      occurredOn: string,
      types: ['death_threat'] | ['aggression_against_close_person'],
    ) =>
      db.transaction(async (tx) => {
        const caseId = await insertCase(tx, caseSample);
        await insertAggression(tx, caseId, {
          ...aggressionSample,
          occurredOn,
          types,
          victims: [{ personId, collectiveId: null, role: 'direct' }],
        });
      });
    await act('2026-02-27', ['death_threat']);
    expect((await getAssessment(db, id, '2026-03-02')).review.status).toBe('scheduled');
    await act('2026-03-05', ['aggression_against_close_person']);
    const found = await getAssessment(db, id, '2026-03-06');
    expect(found.review).toMatchObject({
      status: 'at_once',
      triggers: ['new_aggression', 'threat_to_relatives'],
    });
    const listed = await assessmentHistory(db, { personId, collectiveId: null }, '2026-03-06');
    expect(listed.review).toEqual(found.review);
    // Deleting the record of that aggression takes the trigger away again.
    await db.run(
      'DELETE FROM cases WHERE id = (SELECT case_id FROM aggressions WHERE occurred_on = ?)',
      ['2026-03-05'],
    );
    expect((await getAssessment(db, id, '2026-03-06')).review.status).toBe('scheduled');
  });

  it('gives the history oldest first with the level acted on, for the trend chart', async () => {
    const { db, personId, id } = await assessed({ likelihood: 4, impact: 4 });
    const subject = { personId, collectiveId: null };
    const later = await db.transaction((tx) =>
      insertAssessment(tx, subject, fieldsAt('2026-04-01', { likelihood: 5, impact: 5 }), {
        previousId: id,
      }),
    );
    const earlier = await db.transaction((tx) =>
      insertAssessment(tx, subject, fieldsAt('2025-12-01', { likelihood: 2, impact: 3 })),
    );
    const { history, review } = await assessmentHistory(db, subject, '2026-04-02');
    expect(history.map((h) => [h.id, h.level, h.nextReviewOn])).toEqual([
      [earlier, 'medium', '2026-03-01'],
      [id, 'high', '2026-03-31'],
      [later, 'extreme', '2026-04-08'],
    ]);
    expect(review).toEqual({ nextReviewOn: '2026-04-08', status: 'due', triggers: [] });
    const nobody = await assessmentHistory(
      db,
      { personId: later, collectiveId: null },
      '2026-04-02',
    );
    expect(nobody).toEqual({ history: [], review: null });
  });
});
