import { z } from 'zod';
import {
  aggressionType,
  caseStatus,
  country,
  measureCategory,
  measureStatus,
  perpetratorType,
  reviewTrigger,
  riskLevel,
  urgency,
} from '../vocabularies';
import { dateField, idField } from './record-fields';
import { reviewStatusSchema } from './risk';

/** How many items each dashboard list shows; the counts are always complete. */
export const DASHBOARD_LIST_MAX = 20;

const subjectFields = {
  assessmentId: idField,
  personId: idField.nullable(),
  collectiveId: idField.nullable(),
  /** Name, else pseudonym, else the collective's name. */
  label: z.string(),
};

const counted = <T extends z.ZodType>(item: T) =>
  z.strictObject({ count: z.number().int(), items: z.array(item) });

const bucket = <T extends z.ZodType>(key: T) =>
  z.array(z.strictObject({ key, count: z.number().int() }));

export const dashboardSummarySchema = z.strictObject({
  /** The range the aggregates cover, as asked (null: unbounded). */
  range: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }),
  today: z.string(),
  /** Open cases of high or critical urgency; items carry no narrative. */
  urgentCases: counted(
    z.strictObject({
      id: idField,
      title: z.string(),
      status: caseStatus.schema,
      urgency: urgency.schema,
      lastAggressionOn: z.string().nullable(),
      updatedAt: z.string(),
    }),
  ),
  /** Defenders and collectives whose latest assessment is high or extreme (override included). */
  atRisk: counted(
    z.strictObject({
      ...subjectFields,
      level: riskLevel.schema,
      assessedOn: z.string(),
      nextReviewOn: z.string(),
    }),
  ),
  /** Latest assessments whose review is due, overdue or needed at once; most urgent first. */
  reviews: counted(
    z.strictObject({
      ...subjectFields,
      level: riskLevel.schema,
      nextReviewOn: z.string(),
      status: reviewStatusSchema.exclude(['scheduled']),
      triggers: z.array(reviewTrigger.schema),
    }),
  ),
  /** Planned or in-progress measures of latest assessments whose due date has passed. */
  overdueMeasures: counted(
    z.strictObject({
      id: idField,
      ...subjectFields,
      category: measureCategory.schema,
      description: z.string(),
      responsible: z.string(),
      dueOn: z.string(),
      status: measureStatus.schema,
    }),
  ),
  /**
   * Aggressions that occurred in the range. `byType` counts an act once per type it has and
   * `byPerpetratorType` once per type of perpetrator, so those sums can exceed `total`.
   */
  aggressions: z.strictObject({
    total: z.number().int(),
    byMonth: bucket(z.string()),
    byType: bucket(aggressionType.schema),
    byPerpetratorType: bucket(perpetratorType.schema),
    /** `null`: no country recorded. */
    byCountry: bucket(country.schema.nullable()),
  }),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardOperations = {
  'dashboard.summary': {
    input: z
      .strictObject({ from: dateField.optional(), to: dateField.optional() })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'invalid', path: ['to'] }),
    output: dashboardSummarySchema,
  },
} as const;
