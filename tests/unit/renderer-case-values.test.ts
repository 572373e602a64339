import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import {
  caseFormSchema,
  caseValues,
  createInput,
  emptyAggression,
  emptyCase,
  emptySource,
  planCaseSave,
  splitTags,
  type CaseFormValues,
} from '../../renderer/src/cases/case-values';
import { caseQuery, noFilters, pagesFor } from '../../renderer/src/cases/case-query';
import { parseRoute } from '../../renderer/src/sections/route';
import { personDisplayName, today } from '../../renderer/src/records/values';
import { emptyPerson } from '../../renderer/src/people/person-values';
import { personCreateInput } from '../../shared/contract/people';

const CASE_ID = '0b7f5a3e-5a1c-4d55-9f0e-3c8a1f2b4c6d';
const AGGRESSION_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const SOURCE_ID = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60';
const PERSON_ID = '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071';

function filledCase(): CaseFormValues {
  const values = emptyCase('2026-03-14');
  values.title = 'Amenazas en Juchitán';
  values.aggressions[0] = {
    ...emptyAggression('2026-03-14'),
    types: ['death_threat'],
    victims: [{ personId: PERSON_ID, collectiveId: null, role: 'direct' }],
    perpetrators: [{ type: 'police', identified: true, description: '', involvement: 'direct' }],
    narrative: 'La siguieron hasta su casa.',
  };
  values.sources = [emptySource()];
  return values;
}

describe('the case form', () => {
  it('turns valid form values into a request the contract accepts', () => {
    const values = caseFormSchema.parse(filledCase());
    expect(contract['cases.create'].input.safeParse(createInput(values)).success).toBe(true);
  });

  it('refuses what main refuses: no title, no aggression type', () => {
    const values = emptyCase('2026-03-14');
    const result = caseFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['title', 'aggressions.0.types']));
    expect(contract['cases.create'].input.safeParse(createInput(values)).success).toBe(false);
  });

  it('plans nothing when nothing changed', () => {
    const base = filledCase();
    const before: CaseFormValues = {
      ...base,
      aggressions: [{ ...base.aggressions[0]!, id: AGGRESSION_ID }],
      sources: [{ ...emptySource(), id: SOURCE_ID }],
    };
    expect(planCaseSave(CASE_ID, before, structuredClone(before))).toEqual([]);
  });

  it('plans only the changes: case fields, updated, added and removed parts', () => {
    const base = filledCase();
    const before: CaseFormValues = {
      ...base,
      aggressions: [{ ...base.aggressions[0]!, id: AGGRESSION_ID }],
      sources: [{ ...emptySource(), id: SOURCE_ID }],
    };
    const after = structuredClone(before);
    after.urgency = 'critical';
    after.aggressions[0]!.genderComponents = ['sexualized'];
    after.aggressions.push({ ...emptyAggression('2026-04-02'), types: ['smear_campaign'] });
    after.sources = [];
    const steps = planCaseSave(CASE_ID, before, after);
    expect(steps.map((step) => step.op)).toEqual([
      'cases.update',
      'aggressions.update',
      'aggressions.add',
      'sources.delete',
    ]);
    expect(steps[0]?.input).toEqual({ id: CASE_ID, urgency: 'critical' });
    for (const step of steps) {
      expect(contract[step.op].input.safeParse(step.input).success, step.op).toBe(true);
    }
  });

  it('reads a stored case back into the same values', () => {
    const values = filledCase();
    const stamps = { createdAt: 'x', updatedAt: 'y' };
    const detail = {
      id: CASE_ID,
      ...createInput(values),
      firstAggressionOn: '2026-03-14',
      lastAggressionOn: '2026-03-14',
      ...stamps,
      aggressions: values.aggressions.map((a) => ({
        ...a,
        id: AGGRESSION_ID,
        caseId: CASE_ID,
        victims: a.victims.map((v) => ({ ...v, id: PERSON_ID, label: 'Itzel' })),
        perpetrators: a.perpetrators.map((p) => ({
          ...p,
          id: SOURCE_ID,
          actorKind: 'state' as const,
        })),
        ...stamps,
      })),
      sources: values.sources.map((s) => ({ ...s, id: SOURCE_ID, caseId: CASE_ID, ...stamps })),
      responses: [],
      notes: [],
    };
    const back = caseValues(detail);
    expect(back.aggressions[0]).toEqual({ ...values.aggressions[0], id: AGGRESSION_ID });
    expect(back.sources[0]).toEqual({ ...values.sources[0], id: SOURCE_ID });
    expect(back.title).toBe(values.title);
  });

  it('splits tags typed in one field', () => {
    expect(splitTags(' tierra, agua,, tierra ,')).toEqual(['tierra', 'agua']);
    expect(splitTags('')).toEqual([]);
  });
});

describe('the case list query', () => {
  it('leaves out empty filters and half-typed dates', () => {
    expect(caseQuery(noFilters)).toEqual({ sort: 'updated_at', direction: 'desc' });
    expect(
      caseQuery({
        ...noFilters,
        dateFrom: '2026-02-30',
        dateTo: '2026-03-31',
        status: ['open'],
        person: `p:${PERSON_ID}`,
        perpetratorType: 'organized_crime',
      }),
    ).toEqual({
      dateTo: '2026-03-31',
      status: ['open'],
      personId: PERSON_ID,
      perpetratorType: 'organized_crime',
      sort: 'updated_at',
      direction: 'desc',
    });
  });

  it('asks only for the pages in view', () => {
    expect(pagesFor(0, 20, 0, 100)).toEqual([]);
    expect(pagesFor(-6, 14, 5, 100)).toEqual([0]);
    expect(pagesFor(95, 130, 100_000, 100)).toEqual([0, 1]);
    expect(pagesFor(99_990, 100_010, 100_000, 100)).toEqual([999]);
  });
});

describe('routes and small helpers', () => {
  it('parses the hash into a section and a path, and falls back to home', () => {
    expect(parseRoute(`#/cases/${CASE_ID}/edit`)).toMatchObject({
      section: { id: 'cases' },
      path: [CASE_ID, 'edit'],
    });
    expect(parseRoute('#/people')).toMatchObject({ section: { id: 'people' }, path: [] });
    expect(parseRoute('#/nowhere/1')).toMatchObject({ section: { id: 'home' }, path: [] });
    expect(parseRoute('')).toMatchObject({ section: { id: 'home' } });
  });

  it('formats today as the contract stores dates, in local time', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('shows a name, else the pseudonym', () => {
    expect(personDisplayName({ name: 'Itzel', pseudonym: 'X' })).toEqual({
      text: 'Itzel',
      isPseudonym: false,
    });
    expect(personDisplayName({ name: ' ', pseudonym: 'Xochitl' })).toEqual({
      text: 'Xochitl',
      isPseudonym: true,
    });
  });

  it('starts a profile the contract refuses until it has a name or a pseudonym', () => {
    expect(personCreateInput.safeParse(emptyPerson()).success).toBe(false);
    expect(personCreateInput.safeParse({ ...emptyPerson(), pseudonym: 'Xochitl' }).success).toBe(
      true,
    );
  });
});
