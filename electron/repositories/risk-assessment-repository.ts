import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  assessmentSchema,
  selfCareInput,
  type Assessment,
  type AssessmentFields,
} from '../../shared/contract/risk';
import { AppFailure } from '../../shared/errors';
import { nextReviewDate, reviewStatus, scoreRisk, type RiskScore } from '../../shared/risk';
import { reviewTrigger, riskLevel, type ReviewTrigger } from '../../shared/vocabularies';
import { type Queryable, type SqlValue } from '../database/sqlite';
import {
  factorFields,
  listFactors,
  listThreats,
  replaceFactors,
  replaceThreats,
  threatFields,
} from './risk-items';
import { listMeasures } from './risk-measure-repository';
import { detectTriggers } from './risk-triggers';
import { insertInto, subjectLabel, updateById } from './risk-sql';
import { withForeignKeys } from './sql-rows';

/** Free text and names: the audit log records that they changed, never what they say. */
export const ASSESSMENT_TEXT_FIELDS = [
  'assessor',
  'context',
  'allies',
  'adversaries',
  'threats',
  'vulnerabilities',
  'capacities',
  'selfCare',
  'override',
] as const;

export interface Subject {
  personId: string | null;
  collectiveId: string | null;
}

/** What the stored row caches from the scoring function and the review rule. */
export function computed(fields: AssessmentFields): { scoring: RiskScore; nextReviewOn: string } {
  const scoring = scoreRisk(fields);
  return { scoring, nextReviewOn: nextReviewDate(fields.assessedOn, scoring.level) };
}

function scalarColumns(fields: AssessmentFields): Record<string, SqlValue> {
  const { scoring, nextReviewOn } = computed(fields);
  return {
    assessed_on: fields.assessedOn,
    assessor: fields.assessor,
    kind: fields.kind,
    context: fields.context,
    allies: fields.allies,
    adversaries: fields.adversaries,
    self_care: JSON.stringify(fields.selfCare),
    computed_level: scoring.computedLevel,
    score: scoring.score,
    override_level: fields.override?.level ?? null,
    override_reason: fields.override?.reason ?? null,
    next_review_on: nextReviewOn,
    review_triggers: JSON.stringify(fields.reviewTriggers),
  };
}

export async function insertAssessment(
  tx: Queryable,
  subject: Subject,
  fields: AssessmentFields,
  options: { previousId?: string; at?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const at = options.at ?? new Date().toISOString();
  await withForeignKeys('not_found', () =>
    insertInto(tx, 'risk_assessments', {
      id,
      person_id: subject.personId,
      collective_id: subject.collectiveId,
      ...scalarColumns(fields),
      previous_id: options.previousId ?? null,
      created_at: at,
      updated_at: at,
    }),
  );
  await writeLists(tx, id, fields, at);
  return id;
}

/** Rewrite the cached level and review date from the merged fields; replace the lists given. */
export async function updateAssessment(
  tx: Queryable,
  id: string,
  merged: AssessmentFields,
  changed: Partial<AssessmentFields>,
  at = new Date().toISOString(),
): Promise<void> {
  const count = await updateById(tx, 'risk_assessments', id, {
    ...scalarColumns(merged),
    updated_at: at,
  });
  if (count === 0) throw new AppFailure('not_found');
  await writeLists(tx, id, changed, at);
}

async function writeLists(
  tx: Queryable,
  id: string,
  lists: Partial<Pick<AssessmentFields, 'threats' | 'vulnerabilities' | 'capacities'>>,
  at: string,
): Promise<void> {
  if (lists.threats) await replaceThreats(tx, id, lists.threats, at);
  if (lists.vulnerabilities)
    await replaceFactors(tx, id, 'vulnerability', lists.vulnerabilities, at);
  if (lists.capacities) await replaceFactors(tx, id, 'capacity', lists.capacities, at);
}

export async function deleteAssessment(tx: Queryable, id: string): Promise<void> {
  const result = await tx.run('DELETE FROM risk_assessments WHERE id = ?', [id]);
  if (result.changes === 0) throw new AppFailure('not_found');
}

const headerRow = z.object({
  id: z.string(),
  person_id: z.string().nullable(),
  collective_id: z.string().nullable(),
  subject_label: z.string(),
  assessed_on: z.string(),
  assessor: z.string(),
  kind: z.string(),
  context: z.string(),
  allies: z.string(),
  adversaries: z.string(),
  self_care: z.string(),
  override_level: riskLevel.schema.nullable(),
  override_reason: z.string().nullable(),
  review_triggers: z.string(),
  previous_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** The stored fields of one assessment, as an update or a re-assessment starts from. */
export async function loadAssessmentFields(db: Queryable, id: string) {
  const found = await db.get(
    `SELECT a.*, ${subjectLabel('a')} AS subject_label FROM risk_assessments a WHERE a.id = ?`,
    [id],
  );
  if (!found) throw new AppFailure('not_found');
  const row = headerRow.parse(found);
  const override =
    row.override_level !== null && row.override_reason !== null
      ? { level: row.override_level, reason: row.override_reason }
      : null;
  const fields: AssessmentFields = {
    assessedOn: row.assessed_on,
    assessor: row.assessor,
    kind: assessmentSchema.shape.kind.parse(row.kind),
    context: row.context,
    allies: row.allies,
    adversaries: row.adversaries,
    threats: (await listThreats(db, id)).map(threatFields),
    vulnerabilities: (await listFactors(db, id, 'vulnerability')).map(factorFields),
    capacities: (await listFactors(db, id, 'capacity')).map(factorFields),
    selfCare: selfCareInput.parse(JSON.parse(row.self_care)),
    override,
    reviewTriggers: z.array(reviewTrigger.schema).parse(JSON.parse(row.review_triggers)),
  };
  return { row, fields };
}

/** The whole assessment: items with ids, score with reasons, review status on `today`, plan. */
export async function getAssessment(db: Queryable, id: string, today: string): Promise<Assessment> {
  const { row, fields } = await loadAssessmentFields(db, id);
  const { scoring, nextReviewOn } = computed(fields);
  const subject = { personId: row.person_id, collectiveId: row.collective_id };
  const detected = await detectTriggers(db, subject, fields.assessedOn);
  const triggers = mergeTriggers(fields.reviewTriggers, detected);
  return assessmentSchema.parse({
    id,
    ...subject,
    subjectLabel: row.subject_label,
    ...fields,
    threats: await listThreats(db, id),
    vulnerabilities: await listFactors(db, id, 'vulnerability'),
    capacities: await listFactors(db, id, 'capacity'),
    scoring,
    review: { nextReviewOn, status: reviewStatus(nextReviewOn, triggers, today), triggers },
    previousId: row.previous_id,
    measures: await listMeasures(db, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Set by hand or found in the records, once each, in vocabulary order. */
export function mergeTriggers(...lists: (readonly ReviewTrigger[])[]): ReviewTrigger[] {
  const all = new Set(lists.flat());
  return reviewTrigger.codes.filter((code) => all.has(code));
}
