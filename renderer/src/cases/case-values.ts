import { z } from 'zod';
import { aggressionFields, sourceFields } from '../../../shared/contract/case-parts';
import { caseFields, type CaseDetail, type CaseFields } from '../../../shared/contract/cases';
import { idField, LIST_MAX } from '../../../shared/contract/record-fields';
import { type Input } from '../../../shared/contract';

/**
 * The case form: the contract's own field schemas (what `cases.create` and the part operations
 * accept), plus the ids of the parts that already exist when editing. Pure: unit-tested.
 */
export const caseFormSchema = caseFields.extend({
  aggressions: z.array(aggressionFields.extend({ id: idField.optional() })).max(50),
  sources: z.array(sourceFields.extend({ id: idField.optional() })).max(LIST_MAX),
});
export type CaseFormValues = z.infer<typeof caseFormSchema>;
export type AggressionValues = CaseFormValues['aggressions'][number];
export type SourceValues = CaseFormValues['sources'][number];

export const caseFieldNames = [
  'title',
  'status',
  'urgency',
  'rightsAtStake',
  'tags',
  'confidentiality',
] as const satisfies readonly (keyof CaseFields)[];

export function emptyAggression(occurredOn: string): AggressionValues {
  return {
    occurredOn,
    datePrecision: 'exact',
    country: null,
    department: null,
    municipality: null,
    exactPlace: null,
    scope: 'personal',
    types: [],
    genderComponents: [],
    narrative: '',
    victims: [],
    perpetrators: [],
  };
}

export function emptySource(): SourceValues {
  return { channel: 'direct_testimony', description: '', receivedOn: null, reliability: 'unknown' };
}

export function emptyCase(occurredOn: string): CaseFormValues {
  return {
    title: '',
    status: 'open',
    urgency: 'medium',
    rightsAtStake: [],
    tags: [],
    confidentiality: 'restricted',
    aggressions: [emptyAggression(occurredOn)],
    sources: [],
  };
}

/** A stored case as form values (its parts keep their ids, so a save updates them in place). */
export function caseValues(detail: CaseDetail): CaseFormValues {
  return {
    title: detail.title,
    status: detail.status,
    urgency: detail.urgency,
    rightsAtStake: detail.rightsAtStake,
    tags: detail.tags,
    confidentiality: detail.confidentiality,
    aggressions: detail.aggressions.map((a) => ({
      id: a.id,
      occurredOn: a.occurredOn,
      datePrecision: a.datePrecision,
      country: a.country,
      department: a.department,
      municipality: a.municipality,
      exactPlace: a.exactPlace,
      scope: a.scope,
      types: a.types,
      genderComponents: a.genderComponents,
      narrative: a.narrative,
      victims: a.victims.map((v) => ({
        personId: v.personId,
        collectiveId: v.collectiveId,
        role: v.role,
      })),
      perpetrators: a.perpetrators.map((p) => ({
        type: p.type,
        identified: p.identified,
        description: p.description,
        involvement: p.involvement,
      })),
    })),
    sources: detail.sources.map((s) => ({
      id: s.id,
      channel: s.channel,
      description: s.description,
      receivedOn: s.receivedOn,
      reliability: s.reliability,
    })),
  };
}

function withoutId<T extends { id?: string }>(part: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = part;
  return rest;
}

export function createInput(values: CaseFormValues): Input<'cases.create'> {
  return {
    ...pickCaseFields(values),
    aggressions: values.aggressions.map(withoutId),
    sources: values.sources.map(withoutId),
  };
}

function pickCaseFields(values: CaseFormValues): CaseFields {
  return {
    title: values.title,
    status: values.status,
    urgency: values.urgency,
    rightsAtStake: values.rightsAtStake,
    tags: values.tags,
    confidentiality: values.confidentiality,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One call of the edit, in the order it must run. */
export type SaveStep =
  | { op: 'cases.update'; input: Input<'cases.update'> }
  | { op: 'aggressions.delete'; input: Input<'aggressions.delete'> }
  | { op: 'aggressions.update'; input: Input<'aggressions.update'> }
  | { op: 'aggressions.add'; input: Input<'aggressions.add'> }
  | { op: 'sources.delete'; input: Input<'sources.delete'> }
  | { op: 'sources.update'; input: Input<'sources.update'> }
  | { op: 'sources.add'; input: Input<'sources.add'> };

/**
 * The calls that turn `before` into `after`: only what changed, so the history shows only real
 * edits. Parts removed from the form are deleted, new ones added, changed ones updated.
 */
export function planCaseSave(
  caseId: string,
  before: CaseFormValues,
  after: CaseFormValues,
): SaveStep[] {
  const steps: SaveStep[] = [];
  const beforeFields = pickCaseFields(before);
  const afterFields = pickCaseFields(after);
  const changed = Object.fromEntries(
    caseFieldNames
      .filter((name) => !same(beforeFields[name], afterFields[name]))
      .map((name) => [name, afterFields[name]]),
  );
  if (Object.keys(changed).length > 0) {
    steps.push({ op: 'cases.update', input: { id: caseId, ...changed } });
  }

  const keptAggressions = new Set(after.aggressions.flatMap((a) => (a.id ? [a.id] : [])));
  for (const old of before.aggressions) {
    if (old.id && !keptAggressions.has(old.id)) {
      steps.push({ op: 'aggressions.delete', input: { id: old.id } });
    }
  }
  for (const aggression of after.aggressions) {
    if (aggression.id === undefined) {
      steps.push({ op: 'aggressions.add', input: { caseId, ...withoutId(aggression) } });
      continue;
    }
    const old = before.aggressions.find((a) => a.id === aggression.id);
    if (old === undefined || !same(withoutId(old), withoutId(aggression))) {
      steps.push({
        op: 'aggressions.update',
        input: { id: aggression.id, ...withoutId(aggression) },
      });
    }
  }

  const keptSources = new Set(after.sources.flatMap((s) => (s.id ? [s.id] : [])));
  for (const old of before.sources) {
    if (old.id && !keptSources.has(old.id))
      steps.push({ op: 'sources.delete', input: { id: old.id } });
  }
  for (const source of after.sources) {
    if (source.id === undefined) {
      steps.push({ op: 'sources.add', input: { caseId, ...withoutId(source) } });
      continue;
    }
    const old = before.sources.find((s) => s.id === source.id);
    if (old === undefined || !same(withoutId(old), withoutId(source))) {
      steps.push({ op: 'sources.update', input: { id: source.id, ...withoutId(source) } });
    }
  }
  return steps;
}

/** "a, b ,, c" → ['a', 'b', 'c']: tags typed in one field. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}
