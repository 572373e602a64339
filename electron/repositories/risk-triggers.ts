import { type ReviewTrigger } from '../../shared/vocabularies';
import { type Queryable } from '../database/sqlite';

/**
 * DOMAIN.md asks for a review at once after a new aggression, and after a threat against
 * relatives. Both are found in the case records: `risk_subject_activity` (kept by triggers,
 * migration 0009) holds, per defender or collective named as a victim, the date of the latest
 * aggression and of the latest one that reached a close person (role `close_person`, or typed as
 * an aggression against a close person). Anything dated after the assessment triggers a review.
 */
export interface SubjectActivity {
  lastAggressionOn: string | null;
  lastCloseOn: string | null;
}

export function triggersFromActivity(
  activity: SubjectActivity,
  assessedOn: string,
): ReviewTrigger[] {
  const found: ReviewTrigger[] = [];
  if (activity.lastAggressionOn !== null && activity.lastAggressionOn > assessedOn) {
    found.push('new_aggression');
  }
  if (activity.lastCloseOn !== null && activity.lastCloseOn > assessedOn) {
    found.push('threat_to_relatives');
  }
  return found;
}

export async function detectTriggers(
  db: Queryable,
  subject: { personId: string | null; collectiveId: string | null },
  assessedOn: string,
): Promise<ReviewTrigger[]> {
  const row = await db.get(
    'SELECT last_aggression_on, last_close_on FROM risk_subject_activity WHERE subject_id = ?',
    [subject.personId ?? subject.collectiveId],
  );
  return triggersFromActivity(activityOf(row), assessedOn);
}

export function activityOf(row: Record<string, unknown> | undefined): SubjectActivity {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    lastAggressionOn: text(row?.['last_aggression_on']),
    lastCloseOn: text(row?.['last_close_on']),
  };
}
