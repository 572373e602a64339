import { z } from 'zod';
import { dateField } from './record-fields';

/** Cells counting fewer cases than this are suppressed before anything leaves main. */
export const STATISTICS_MIN_CASES = 5;

export const statisticsDimensions = [
  'year',
  'country',
  'aggression_type',
  'perpetrator_type',
  'right_defended',
  'gender_component',
] as const;
export type StatisticsDimension = (typeof statisticsDimensions)[number];

/** A suppressed cell carries no numbers at all, only the flag. */
export const statisticsCellSchema = z.strictObject({
  /** A vocabulary code, a year, or `unknown`: never free text. */
  code: z.string(),
  aggressions: z.number().int().nullable(),
  cases: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type StatisticsCell = z.infer<typeof statisticsCellSchema>;

export const statisticsSchema = z.strictObject({
  from: z.string().nullable(),
  to: z.string().nullable(),
  minCases: z.number().int(),
  total: statisticsCellSchema,
  dimensions: z.array(
    z.strictObject({
      dimension: z.enum(statisticsDimensions),
      cells: z.array(statisticsCellSchema),
    }),
  ),
});
export type Statistics = z.infer<typeof statisticsSchema>;

const period = { from: dateField.optional(), to: dateField.optional() };

export const statisticsOperations = {
  /** Aggregates for charts, already suppressed (the same figures as the CSV). */
  'statistics.summary': { input: z.strictObject(period), output: statisticsSchema },
  /** Write the CSV where main's dialog says; `saved: false` when the user cancelled. */
  'statistics.export': {
    input: z.strictObject({ ...period, language: z.enum(['es', 'en']) }),
    output: z.strictObject({
      saved: z.boolean(),
      rows: z.number().int(),
      suppressed: z.number().int(),
    }),
  },
} as const;
