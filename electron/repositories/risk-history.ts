import { z } from 'zod';
import { assessmentPointSchema, type AssessmentPoint } from '../../shared/contract/risk';
import { reviewStatus } from '../../shared/risk';
import { reviewTrigger } from '../../shared/vocabularies';
import { type Queryable } from '../database/sqlite';
import { mergeTriggers, type Subject } from './risk-assessment-repository';
import { detectTriggers } from './risk-triggers';

const POINT_COLUMNS = `id, assessed_on, kind, computed_level, level, score,
  override_level IS NOT NULL AS overridden, next_review_on, review_triggers`;

/**
 * One subject's assessments, oldest first (the trend chart), and where the latest one's review
 * stands on `today`.
 */
export async function assessmentHistory(db: Queryable, subject: Subject, today: string) {
  const rows = subject.personId
    ? await db.all(
        `SELECT ${POINT_COLUMNS} FROM risk_assessments WHERE person_id = ?
         ORDER BY assessed_on, created_at`,
        [subject.personId],
      )
    : await db.all(
        `SELECT ${POINT_COLUMNS} FROM risk_assessments WHERE collective_id = ?
         ORDER BY assessed_on, created_at`,
        [subject.collectiveId],
      );
  const history: AssessmentPoint[] = z.array(assessmentPointSchema).parse(
    rows.map((r) => ({
      id: r['id'],
      assessedOn: r['assessed_on'],
      kind: r['kind'],
      computedLevel: r['computed_level'],
      level: r['level'],
      score: r['score'],
      overridden: r['overridden'] === 1,
      nextReviewOn: r['next_review_on'],
    })),
  );
  const latest = history.at(-1);
  const latestRow = rows.at(-1);
  if (!latest || !latestRow) return { history, review: null };
  const set = z.array(reviewTrigger.schema).parse(JSON.parse(String(latestRow['review_triggers'])));
  const triggers = mergeTriggers(set, await detectTriggers(db, subject, latest.assessedOn));
  return {
    history,
    review: {
      nextReviewOn: latest.nextReviewOn,
      status: reviewStatus(latest.nextReviewOn, triggers, today),
      triggers,
    },
  };
}
