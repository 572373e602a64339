import { z } from 'zod';
import {
  aggressionScope,
  aggressionType,
  datePrecision,
  genderComponent,
  involvement,
  perpetratorType,
  reliability,
  responseType,
  sourceChannel,
  victimRole,
} from '../vocabularies';
import {
  codeList,
  dateField,
  empty,
  idField,
  idInput,
  longText,
  mediumText,
  placeFields,
  shortText,
  stamps,
} from './record-fields';

/** A victim is a person or a collective, exactly one. */
export const victimInput = z
  .strictObject({
    personId: idField.nullable(),
    collectiveId: idField.nullable(),
    role: victimRole.schema,
  })
  .refine((v) => (v.personId === null) !== (v.collectiveId === null), {
    message: 'invalid',
    path: ['personId'],
  });

export const perpetratorInput = z.strictObject({
  type: perpetratorType.schema,
  identified: z.boolean(),
  description: mediumText,
  involvement: involvement.schema,
});

export const aggressionFields = z.strictObject({
  occurredOn: dateField,
  datePrecision: datePrecision.schema,
  ...placeFields,
  /** Sensitive: shown only on an explicit action. */
  exactPlace: shortText.nullable(),
  scope: aggressionScope.schema,
  types: codeList(aggressionType.schema, 1),
  /** Empty: no gender-specific dimension recorded. */
  genderComponents: codeList(genderComponent.schema),
  narrative: longText,
  victims: z.array(victimInput).max(100),
  perpetrators: z.array(perpetratorInput).max(50),
});
export type AggressionFields = z.infer<typeof aggressionFields>;

export const aggressionSchema = z.strictObject({
  id: idField,
  caseId: idField,
  ...aggressionFields.omit({ victims: true, perpetrators: true, types: true }).shape,
  types: z.array(aggressionType.schema),
  victims: z.array(
    z.strictObject({
      id: idField,
      personId: idField.nullable(),
      collectiveId: idField.nullable(),
      role: victimRole.schema,
      /** Name, else pseudonym, else the collective's name: for display. */
      label: z.string(),
    }),
  ),
  perpetrators: z.array(
    z.strictObject({
      id: idField,
      ...perpetratorInput.shape,
      actorKind: z.enum(['state', 'non_state']),
    }),
  ),
  ...stamps,
});
export type Aggression = z.infer<typeof aggressionSchema>;

export const sourceFields = z.strictObject({
  channel: sourceChannel.schema,
  description: mediumText,
  receivedOn: dateField.nullable(),
  reliability: reliability.schema,
});
export const sourceSchema = z.strictObject({
  id: idField,
  caseId: idField,
  ...sourceFields.shape,
  ...stamps,
});
export type Source = z.infer<typeof sourceSchema>;

export const responseFields = z.strictObject({
  type: responseType.schema,
  doneOn: dateField,
  responsible: shortText,
  outcome: mediumText,
  followUpOn: dateField.nullable(),
  /** Reference number given by the authority (complaint, mechanism file, IACHR MC number). */
  reference: shortText,
});
export const responseSchema = z.strictObject({
  id: idField,
  caseId: idField,
  ...responseFields.shape,
  ...stamps,
});
export type CaseResponse = z.infer<typeof responseSchema>;

export const noteSchema = z.strictObject({
  id: idField,
  caseId: idField,
  body: z.string(),
  author: z.string(),
  ...stamps,
});
export type Note = z.infer<typeof noteSchema>;

/** Update: any subset of the fields; `victims`/`perpetrators`, when given, replace the lists. */
export const casePartOperations = {
  'aggressions.add': {
    input: z.strictObject({ caseId: idField, ...aggressionFields.shape }),
    output: aggressionSchema,
  },
  'aggressions.update': {
    input: z.strictObject({ id: idField, ...aggressionFields.partial().shape }),
    output: aggressionSchema,
  },
  'aggressions.delete': { input: idInput, output: empty },

  'sources.add': {
    input: z.strictObject({ caseId: idField, ...sourceFields.shape }),
    output: sourceSchema,
  },
  'sources.update': {
    input: z.strictObject({ id: idField, ...sourceFields.partial().shape }),
    output: sourceSchema,
  },
  'sources.delete': { input: idInput, output: empty },

  'responses.add': {
    input: z.strictObject({ caseId: idField, ...responseFields.shape }),
    output: responseSchema,
  },
  'responses.update': {
    input: z.strictObject({ id: idField, ...responseFields.partial().shape }),
    output: responseSchema,
  },
  'responses.delete': { input: idInput, output: empty },

  'notes.add': {
    input: z.strictObject({
      caseId: idField,
      body: longText.pipe(z.string().trim().min(1, 'required')),
    }),
    output: noteSchema,
  },
} as const;
