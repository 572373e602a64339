import { z } from 'zod';
import {
  assessmentKind,
  measureCategory,
  measureStatus,
  perpetratorType,
  reviewTrigger,
  riskArea,
  riskLevel,
  threatMeans,
} from '../vocabularies';
import {
  codeList,
  dateField,
  empty,
  idField,
  idInput,
  LIST_MAX,
  longText,
  mediumText,
  requiredText,
  stamps,
} from './record-fields';

const nonEmpty = (schema: typeof mediumText) => schema.pipe(z.string().trim().min(1, 'required'));

/** Front Line Defenders' five steps, each a short written answer (empty until worked out). */
export const threatAnalysis = z.strictObject({
  facts: mediumText,
  pattern: mediumText,
  objective: mediumText,
  source: mediumText,
  /** The conclusion, with reasons: can the threat be carried out? */
  feasibility: mediumText,
});

export const threatInput = z.strictObject({
  description: nonEmpty(mediumText),
  /** Who is behind it, when known (the case vocabulary). */
  perpetratorType: perpetratorType.schema.nullable(),
  means: threatMeans.schema,
  /** Aggressions recorded in cases that this threat is part of. */
  aggressionIds: codeList(idField),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  analysis: threatAnalysis,
});
export type ThreatInput = z.infer<typeof threatInput>;

/** One vulnerability or capacity: an area, what it is, and a rating 0–3. */
export const factorInput = z.strictObject({
  area: riskArea.schema,
  description: mediumText,
  rating: z.number().int().min(0).max(3),
});
export type FactorInput = z.infer<typeof factorInput>;

/** Integral protection: the self-care questions asked with every assessment. */
export const selfCareInput = z.strictObject({
  body: mediumText,
  emotions: mediumText,
  rest: mediumText,
  supportNetwork: mediumText,
});

export const overrideInput = z.strictObject({
  level: riskLevel.schema,
  reason: nonEmpty(mediumText),
});

export const assessmentFields = z.strictObject({
  assessedOn: dateField,
  assessor: requiredText,
  kind: assessmentKind.schema,
  context: longText,
  allies: mediumText,
  adversaries: mediumText,
  /** Lists, when given on update, replace the stored ones. */
  threats: z.array(threatInput).max(LIST_MAX),
  vulnerabilities: z.array(factorInput).max(LIST_MAX),
  capacities: z.array(factorInput).max(LIST_MAX),
  selfCare: selfCareInput,
  override: overrideInput.nullable(),
  /** Reasons to review at once, set by the user (new aggressions are also found on their own). */
  reviewTriggers: codeList(reviewTrigger.schema),
});
export type AssessmentFields = z.infer<typeof assessmentFields>;

/** An assessment covers one defender or one collective, exactly one. */
const subject = {
  personId: idField.nullable(),
  collectiveId: idField.nullable(),
};
const exactlyOne = (s: { personId: string | null; collectiveId: string | null }) =>
  (s.personId === null) !== (s.collectiveId === null);

export const assessmentCreateInput = z
  .strictObject({ ...subject, ...assessmentFields.shape })
  .refine(exactlyOne, { message: 'invalid', path: ['personId'] });

export const measureFields = z.strictObject({
  category: measureCategory.schema,
  description: nonEmpty(mediumText),
  responsible: requiredText,
  dueOn: dateField.nullable(),
  status: measureStatus.schema,
});
export type MeasureFields = z.infer<typeof measureFields>;

export const measureSchema = z.strictObject({
  id: idField,
  assessmentId: idField,
  ...measureFields.shape,
  ...stamps,
});
export type Measure = z.infer<typeof measureSchema>;

const threatReason = z.strictObject({
  index: z.number().int(),
  priority: z.number().int(),
  likelihood: z.number().int(),
  impact: z.number().int(),
});
const factorReason = z.strictObject({
  index: z.number().int(),
  area: riskArea.schema,
  rating: z.number().int(),
});

/** What `scoreRisk` (shared/risk) returned for the stored items. */
export const riskScoreSchema = z.strictObject({
  t: z.number(),
  v: z.number(),
  c: z.number(),
  score: z.number(),
  computedLevel: riskLevel.schema,
  level: riskLevel.schema,
  override: overrideInput.nullable(),
  reasons: z.strictObject({
    threats: z.array(threatReason),
    vulnerabilities: z.array(factorReason),
    capacities: z.array(factorReason),
    notes: z.array(
      z.enum([
        'no_threats',
        'no_vulnerabilities_recorded',
        'no_capacities_recorded',
        'capacity_floor_applied',
        'overridden',
      ]),
    ),
  }),
});

export const reviewStatusSchema = z.enum(['scheduled', 'due', 'overdue', 'at_once']);

/** Where the review stands today; `triggers` includes aggressions recorded since the assessment. */
export const reviewSchema = z.strictObject({
  nextReviewOn: z.string(),
  status: reviewStatusSchema,
  triggers: z.array(reviewTrigger.schema),
});

export const assessmentSchema = z.strictObject({
  id: idField,
  ...subject,
  /** Name, else pseudonym, else the collective's name: for display. */
  subjectLabel: z.string(),
  ...assessmentFields.omit({ threats: true, vulnerabilities: true, capacities: true }).shape,
  threats: z.array(z.strictObject({ id: idField, ...threatInput.shape, priority: z.number() })),
  vulnerabilities: z.array(z.strictObject({ id: idField, ...factorInput.shape })),
  capacities: z.array(z.strictObject({ id: idField, ...factorInput.shape })),
  scoring: riskScoreSchema,
  review: reviewSchema,
  /** The assessment this one was re-assessed from. */
  previousId: idField.nullable(),
  measures: z.array(measureSchema),
  ...stamps,
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** One point of the history (trend chart): no free text. */
export const assessmentPointSchema = z.strictObject({
  id: idField,
  assessedOn: z.string(),
  kind: assessmentKind.schema,
  computedLevel: riskLevel.schema,
  level: riskLevel.schema,
  score: z.number(),
  overridden: z.boolean(),
  nextReviewOn: z.string(),
});
export type AssessmentPoint = z.infer<typeof assessmentPointSchema>;

export const riskOperations = {
  /** The level, score, reasons and next review are computed here, from the items given. */
  'risk.create': { input: assessmentCreateInput, output: assessmentSchema },
  'risk.update': {
    input: z.strictObject({ id: idField, ...assessmentFields.partial().shape }),
    output: assessmentSchema,
  },
  'risk.get': { input: idInput, output: assessmentSchema },
  /** Oldest first, for the trend chart; `review` is the latest assessment's (null: none yet). */
  'risk.listForPerson': {
    input: z
      .strictObject({ personId: idField.optional(), collectiveId: idField.optional() })
      .refine((q) => (q.personId === undefined) !== (q.collectiveId === undefined), 'invalid'),
    output: z.strictObject({
      history: z.array(assessmentPointSchema),
      review: reviewSchema.nullable(),
    }),
  },
  /**
   * A new assessment (kind `review`, dated `assessedOn`) starting from a copy of this one: context,
   * threats with their links, factors, self-care and the plan's open measures. No override.
   */
  'risk.reassess': {
    input: z.strictObject({ id: idField, assessedOn: dateField, assessor: requiredText }),
    output: assessmentSchema,
  },
  /** Removes the assessment with its threats, factors and plan; the audit keeps only ids. */
  'risk.delete': { input: idInput, output: empty },

  'plans.addMeasure': {
    input: z.strictObject({ assessmentId: idField, ...measureFields.shape }),
    output: measureSchema,
  },
  'plans.updateMeasure': {
    input: z.strictObject({ id: idField, ...measureFields.partial().shape }),
    output: measureSchema,
  },
  'plans.deleteMeasure': { input: idInput, output: empty },
} as const;
