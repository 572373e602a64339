import { z } from 'zod';
import {
  aggressionType,
  caseStatus,
  confidentiality,
  country,
  datePrecision,
  perpetratorType,
  responseType,
  rightDefended,
  urgency,
} from '../vocabularies';
import {
  aggressionFields,
  aggressionSchema,
  noteSchema,
  responseSchema,
  sourceFields,
  sourceSchema,
} from './case-parts';
import {
  codeList,
  dateField,
  empty,
  idField,
  idInput,
  pageFields,
  requiredText,
  shortText,
  stamps,
  tagList,
} from './record-fields';

export const caseFields = z.strictObject({
  title: requiredText,
  status: caseStatus.schema,
  urgency: urgency.schema,
  rightsAtStake: codeList(rightDefended.schema),
  tags: tagList,
  confidentiality: confidentiality.schema,
});
export type CaseFields = z.infer<typeof caseFields>;

export const caseCreateInput = z.strictObject({
  ...caseFields.shape,
  aggressions: z.array(aggressionFields).max(50),
  sources: z.array(sourceFields).max(50),
});

export const caseSchema = z.strictObject({
  id: idField,
  ...caseFields.shape,
  firstAggressionOn: z.string().nullable(),
  lastAggressionOn: z.string().nullable(),
  ...stamps,
});
export type CaseRecord = z.infer<typeof caseSchema>;

/** A case opened whole: everything but evidence (its own list) and the timeline. */
export const caseDetailSchema = z.strictObject({
  ...caseSchema.shape,
  aggressions: z.array(aggressionSchema),
  sources: z.array(sourceSchema),
  responses: z.array(responseSchema),
  notes: z.array(noteSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** A list row carries no narrative: lists never show graphic text by default. */
export const caseRowSchema = z.strictObject({
  ...caseSchema.shape,
  aggressionCount: z.number().int(),
  countries: z.array(country.schema),
  aggressionTypes: z.array(aggressionType.schema),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

export const caseSortFields = [
  'updated_at',
  'created_at',
  'last_aggression',
  'urgency',
  'title',
] as const;

const caseFilterFields = {
  /** Cases with at least one aggression in the range (inclusive). */
  dateFrom: dateField.optional(),
  dateTo: dateField.optional(),
  country: country.schema.optional(),
  aggressionType: aggressionType.schema.optional(),
  perpetratorType: perpetratorType.schema.optional(),
  status: codeList(caseStatus.schema).optional(),
  urgency: codeList(urgency.schema).optional(),
  /** Cases where this person is a victim of at least one aggression. */
  personId: idField.optional(),
  /** Cases where this collective or organization is a victim of at least one aggression. */
  collectiveId: idField.optional(),
};

export const caseListInput = z.strictObject({
  ...caseFilterFields,
  sort: z.enum(caseSortFields),
  direction: z.enum(['asc', 'desc']),
  ...pageFields,
});
export type CaseListInput = z.infer<typeof caseListInput>;

export const searchHitKinds = [
  'case',
  'narrative',
  'place',
  'victim',
  'perpetrator',
  'note',
] as const;

/** A snippet in pieces, so the renderer highlights matches without ever parsing markup. */
export const snippetSchema = z.array(z.strictObject({ text: z.string(), match: z.boolean() }));
export type Snippet = z.infer<typeof snippetSchema>;

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('aggression'),
    id: idField,
    date: z.string(),
    datePrecision: datePrecision.schema,
    types: z.array(aggressionType.schema),
    narrative: z.string(),
  }),
  z.strictObject({
    kind: z.literal('response'),
    id: idField,
    date: z.string(),
    type: responseType.schema,
    responsible: z.string(),
    outcome: z.string(),
    followUpOn: z.string().nullable(),
  }),
  z.strictObject({
    kind: z.literal('note'),
    id: idField,
    date: z.string(),
    body: z.string(),
    author: z.string(),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const caseOperations = {
  'cases.create': { input: caseCreateInput, output: caseDetailSchema },
  'cases.update': {
    input: z.strictObject({ id: idField, ...caseFields.partial().shape }),
    output: caseSchema,
  },
  'cases.get': { input: idInput, output: caseDetailSchema },
  /** Removes the case, its parts and its evidence (files and keys); the audit keeps only ids. */
  'cases.delete': { input: idInput, output: empty },
  /**
   * One page; `hasMore` says whether another follows; `total` counts every match (counted once
   * per filter and reused until the next write: paging through costs a page each).
   */
  'cases.list': {
    input: caseListInput,
    output: z.strictObject({
      rows: z.array(caseRowSchema),
      hasMore: z.boolean(),
      total: z.number().int(),
    }),
  },
  /** How many cases match the filters (the same count `cases.list` reports). */
  'cases.count': {
    input: z.strictObject(caseFilterFields),
    output: z.strictObject({ total: z.number().int() }),
  },
  'cases.search': {
    input: z.strictObject({
      query: shortText.pipe(z.string().min(1, 'required')),
      limit: z.number().int().min(1).max(100),
    }),
    output: z.array(
      z.strictObject({
        case: caseRowSchema,
        hits: z.array(z.strictObject({ kind: z.enum(searchHitKinds), snippet: snippetSchema })),
      }),
    ),
  },
  /** Aggressions, responses and notes of one case in date order (oldest first). */
  'cases.timeline': { input: idInput, output: z.array(timelineEntrySchema) },
} as const;
