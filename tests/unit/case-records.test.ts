import { afterEach, describe, expect, it } from 'vitest';
import {
  aggressionSample,
  caseSample,
  personSample,
  responseSample,
  sourceSample,
} from './support/record-samples';
import { DISPLAY_NAME, startRecordsCore, type RecordsCore } from './support/records-core';
import { errorOf } from './support/test-core';

let running: RecordsCore | null = null;
afterEach(async () => {
  await running?.core.close();
  running = null;
});

async function caseWithTwoAggressions() {
  running = await startRecordsCore();
  const { op } = running;
  const person = await op('people.create', personSample);
  const created = await op('cases.create', {
    ...caseSample,
    aggressions: [
      {
        ...aggressionSample,
        victims: [{ personId: person.id, collectiveId: null, role: 'direct' }],
        perpetrators: [
          {
            type: 'police',
            identified: true,
            description: 'Agente municipal',
            involvement: 'direct',
          },
          { type: 'company', identified: false, description: 'Guardias', involvement: 'ordered' },
        ],
      },
      {
        ...aggressionSample,
        occurredOn: '2026-01-01',
        datePrecision: 'day_unknown',
        types: ['smear_campaign'],
        genderComponents: [],
        narrative: 'Publicaciones en redes la llamaron traidora.',
        perpetrators: [],
      },
    ],
    sources: [sourceSample],
  });
  return { ...running, person, created };
}

describe('cases and their parts', () => {
  it('creates a case with two aggressions, perpetrators flagged state or non-state, and a source', async () => {
    const { op, created, person } = await caseWithTwoAggressions();
    expect(created).toMatchObject({ ...caseSample, firstAggressionOn: '2026-01-01' });
    expect(created.lastAggressionOn).toBe('2026-03-14');
    expect(created.aggressions.map((a) => a.occurredOn)).toEqual(['2026-01-01', '2026-03-14']);
    const act = created.aggressions[1]!;
    expect(act.types.sort()).toEqual(['death_threat', 'surveillance']);
    expect(act.victims).toEqual([
      expect.objectContaining({ personId: person.id, role: 'direct', label: personSample.name }),
    ]);
    expect(act.perpetrators.map((p) => [p.type, p.actorKind, p.identified])).toEqual([
      ['police', 'state', true],
      ['company', 'non_state', false],
    ]);
    expect(created.sources).toEqual([expect.objectContaining(sourceSample)]);
    expect(await op('cases.get', { id: created.id })).toEqual(created);
  });

  it('refuses an aggression for a missing case and a victim that does not exist', async () => {
    const { op, created } = await caseWithTwoAggressions();
    const missing = '5d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f';
    expect(
      (await errorOf(op('aggressions.add', { caseId: missing, ...aggressionSample }))).code,
    ).toBe('not_found');
    const dangling = { personId: missing, collectiveId: null, role: 'direct' as const };
    const reply = await errorOf(
      op('aggressions.add', { caseId: created.id, ...aggressionSample, victims: [dangling] }),
    );
    expect(reply.code).toBe('not_found');
    // Nothing half-written: still two aggressions.
    expect((await op('cases.get', { id: created.id })).aggressions).toHaveLength(2);
  });

  it('updates a case and an aggression, replacing the perpetrators list', async () => {
    const { op, created } = await caseWithTwoAggressions();
    const updated = await op('cases.update', {
      id: created.id,
      status: 'monitoring',
      urgency: 'critical',
    });
    expect(updated).toMatchObject({
      status: 'monitoring',
      urgency: 'critical',
      title: caseSample.title,
    });
    const act = created.aggressions[0]!;
    const changed = await op('aggressions.update', {
      id: act.id,
      occurredOn: '2025-12-24',
      perpetrators: [
        { type: 'armed_forces', identified: false, description: '', involvement: 'present' },
      ],
    });
    expect(changed.perpetrators.map((p) => p.type)).toEqual(['armed_forces']);
    // One left as it is keeps its row (another office sees one perpetrator added, not the
    // list replaced); one changed is edited in place (test: risk-records, threats).
    const again = await op('aggressions.update', {
      id: act.id,
      narrative: 'Relato ampliado.',
      perpetrators: [
        { type: 'armed_forces', identified: false, description: '', involvement: 'present' },
        { type: 'police', identified: true, description: 'Patrulla 12', involvement: 'direct' },
      ],
    });
    expect(again.perpetrators.map((p) => [p.type, p.id])).toEqual([
      ['armed_forces', changed.perpetrators[0]!.id],
      ['police', expect.not.stringMatching(changed.perpetrators[0]!.id)],
    ]);
    expect(changed.types).toEqual(act.types);
    expect((await op('cases.get', { id: created.id })).firstAggressionOn).toBe('2025-12-24');
    await op('aggressions.delete', { id: act.id });
    const after = await op('cases.get', { id: created.id });
    expect(after.aggressions).toHaveLength(1);
    expect(after.firstAggressionOn).toBe('2026-03-14');
  });

  it('logs responses and notes, and shows them with the aggressions in one chronology', async () => {
    const { op, created } = await caseWithTwoAggressions();
    const response = await op('responses.add', { caseId: created.id, ...responseSample });
    expect(response).toMatchObject(responseSample);
    const edited = await op('responses.update', { id: response.id, outcome: 'Medidas otorgadas' });
    expect(edited.outcome).toBe('Medidas otorgadas');
    const note = await op('notes.add', { caseId: created.id, body: 'Revisar plan de seguridad' });
    expect(note.author).toBe(DISPLAY_NAME);

    const timeline = await op('cases.timeline', { id: created.id });
    expect(timeline.map((e) => [e.kind, e.date.slice(0, 10)])).toEqual([
      ['aggression', '2026-01-01'],
      ['aggression', '2026-03-14'],
      ['response', '2026-03-16'],
      ['note', note.createdAt.slice(0, 10)],
    ]);
    await op('responses.delete', { id: response.id });
    expect((await op('cases.timeline', { id: created.id })).map((e) => e.kind)).not.toContain(
      'response',
    );
    const source = created.sources[0]!;
    expect((await op('sources.update', { id: source.id, reliability: 'unsure' })).reliability).toBe(
      'unsure',
    );
    await op('sources.delete', { id: source.id });
    expect((await op('cases.get', { id: created.id })).sources).toEqual([]);
  });

  it('deletes a case with everything in it', async () => {
    const { op, created, person } = await caseWithTwoAggressions();
    await op('notes.add', { caseId: created.id, body: 'x' });
    await op('cases.delete', { id: created.id });
    expect((await errorOf(op('cases.get', { id: created.id }))).code).toBe('not_found');
    expect((await errorOf(op('cases.timeline', { id: created.id }))).code).toBe('not_found');
    expect((await op('cases.search', { query: 'traidora', limit: 10 })).length).toBe(0);
    // The person is not part of the case: she stays, now unlinked.
    expect((await op('people.get', { id: person.id })).id).toBe(person.id);
    await op('people.delete', { id: person.id });
  });
});
