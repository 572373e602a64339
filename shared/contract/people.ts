import { z } from 'zod';
import {
  ageRange,
  collectiveKind,
  confidentiality,
  consentIdentity,
  consentMethod,
  consentScope,
  contactChannel,
  genderIdentity,
  rightDefended,
} from '../vocabularies';
import {
  codeList,
  dateField,
  empty,
  idField,
  idInput,
  mediumText,
  pageFields,
  placeFields,
  requiredText,
  shortText,
  stamps,
} from './record-fields';

export const contactChannelSchema = z.strictObject({
  kind: contactChannel.schema,
  value: shortText.pipe(z.string().min(1, 'required')),
  /** Shown only on an explicit action (a phone number can get someone killed). */
  sensitive: z.boolean(),
});

/** A defender: a name or a pseudonym (at least one). */
export const personFields = z.strictObject({
  name: shortText.nullable(),
  pseudonym: shortText.nullable(),
  genderIdentity: genderIdentity.schema.nullable(),
  ageRange: ageRange.schema.nullable(),
  ethnicIdentity: shortText.nullable(),
  ...placeFields,
  organization: shortText.nullable(),
  collectiveId: idField.nullable(),
  movement: shortText.nullable(),
  rightsDefended: codeList(rightDefended.schema),
  contactChannels: z.array(contactChannelSchema).max(20),
  confidentiality: confidentiality.schema,
});
export type PersonFields = z.infer<typeof personFields>;

const hasNameOrPseudonym = (p: { name?: string | null; pseudonym?: string | null }) =>
  Boolean(p.name) || Boolean(p.pseudonym);

export const personCreateInput = personFields.refine(hasNameOrPseudonym, {
  message: 'required',
  path: ['name'],
});
export const personUpdateInput = z.strictObject({ id: idField, ...personFields.partial().shape });

export const personSchema = z.strictObject({ id: idField, ...personFields.shape, ...stamps });
export type Person = z.infer<typeof personSchema>;

/** What a list shows: no contact channels. */
export const personRowSchema = personSchema.omit({ contactChannels: true });
export type PersonRow = z.infer<typeof personRowSchema>;

export const collectiveFields = z.strictObject({
  name: requiredText,
  kind: collectiveKind.schema,
  ...placeFields,
  rightsDefended: codeList(rightDefended.schema),
  description: mediumText,
  confidentiality: confidentiality.schema,
});
export const collectiveUpdateInput = z.strictObject({
  id: idField,
  ...collectiveFields.partial().shape,
});
export const collectiveSchema = z.strictObject({
  id: idField,
  ...collectiveFields.shape,
  ...stamps,
});
export type Collective = z.infer<typeof collectiveSchema>;

export const consentFields = z.strictObject({
  scope: consentScope.schema,
  identity: consentIdentity.schema,
  givenOn: dateField,
  method: consentMethod.schema,
  notes: mediumText,
});
/** Consent is given by a person or by a collective, exactly one. */
export const consentAddInput = z
  .strictObject({
    personId: idField.nullable(),
    collectiveId: idField.nullable(),
    ...consentFields.shape,
  })
  .refine((c) => (c.personId === null) !== (c.collectiveId === null), {
    message: 'invalid',
    path: ['personId'],
  });
export const consentSchema = z.strictObject({
  id: idField,
  personId: idField.nullable(),
  collectiveId: idField.nullable(),
  ...consentFields.shape,
  recordedBy: z.string(),
  revokedAt: z.string().nullable(),
  ...stamps,
});
export type Consent = z.infer<typeof consentSchema>;

const listQuery = z.strictObject({
  /** Matches name, pseudonym or organization (people) or name (collectives), case-insensitive. */
  text: shortText.optional(),
  ...pageFields,
});

export const peopleOperations = {
  'people.create': { input: personCreateInput, output: personSchema },
  'people.update': { input: personUpdateInput, output: personSchema },
  'people.get': { input: idInput, output: personSchema },
  'people.list': {
    input: listQuery,
    output: z.strictObject({ rows: z.array(personRowSchema), total: z.number().int() }),
  },
  /** Refused with `conflict` while she is still named as a victim in an aggression. */
  'people.delete': { input: idInput, output: empty },

  'collectives.create': { input: collectiveFields, output: collectiveSchema },
  'collectives.update': { input: collectiveUpdateInput, output: collectiveSchema },
  'collectives.get': { input: idInput, output: collectiveSchema },
  'collectives.list': {
    input: listQuery,
    output: z.strictObject({ rows: z.array(collectiveSchema), total: z.number().int() }),
  },
  'collectives.delete': { input: idInput, output: empty },

  'consents.add': { input: consentAddInput, output: consentSchema },
  'consents.revoke': { input: idInput, output: consentSchema },
  'consents.list': {
    input: z
      .strictObject({ personId: idField.optional(), collectiveId: idField.optional() })
      .refine((q) => (q.personId === undefined) !== (q.collectiveId === undefined), 'invalid'),
    output: z.array(consentSchema),
  },
} as const;
