import { afterEach, describe, expect, it } from 'vitest';
import { addDays, localToday, scoreRisk } from '../../shared/risk';
import { aggressionSample, caseSample, personSample } from './support/record-samples';
import { DISPLAY_NAME, startRecordsCore, type RecordsCore } from './support/records-core';
import { assessmentSample, measureSample, threatSample } from './support/risk-samples';
import { errorOf } from './support/test-core';

let running: RecordsCore | null = null;
afterEach(async () => {
  await running?.core.close();
  running = null;
});

const MISSING = '5d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f';

/** A defender, a case with one aggression against her, and an assessment whose threat links it. */
async function assessedDefender() {
  running = await startRecordsCore();
  const { op } = running;
  const person = await op('people.create', personSample);
  const kase = await op('cases.create', {
    ...caseSample,
    aggressions: [
      {
        ...aggressionSample,
        victims: [{ personId: person.id, collectiveId: null, role: 'direct' }],
      },
    ],
    sources: [],
  });
  const aggressionId = kase.aggressions[0]!.id;
  const created = await op('risk.create', {
    ...assessmentSample,
    personId: person.id,
    threats: [{ ...threatSample, aggressionIds: [aggressionId] }],
  });
  return { ...running, person, kase, aggressionId, created };
}

describe('risk assessments', () => {
  it('creates one with its items, the shared score and reasons, and the next review', async () => {
    const { op, created, person, aggressionId } = await assessedDefender();
    // 20/25 × ((3 + 1) / 2)/3 ÷ (2/3) = 0.8 × (2/3) ÷ (2/3) = 0.8: high, review in 30 days.
    expect(created.scoring.score).toBeCloseTo(0.8);
    expect(created.scoring).toEqual(scoreRisk(assessmentSample));
    expect(created.scoring.level).toBe('high');
    expect(created.review.nextReviewOn).toBe(addDays(assessmentSample.assessedOn, 30));
    expect(created).toMatchObject({
      personId: person.id,
      collectiveId: null,
      subjectLabel: personSample.name,
      kind: 'immediate',
      selfCare: assessmentSample.selfCare,
      previousId: null,
      measures: [],
    });
    expect(created.threats).toEqual([
      expect.objectContaining({ ...threatSample, aggressionIds: [aggressionId], priority: 20 }),
    ]);
    expect(created.vulnerabilities.map((v) => [v.area, v.rating])).toEqual([
      ['location_physical', 3],
      ['communications_digital', 1],
    ]);
    // The aggression (2026-03-14) came before the assessment (2026-03-16): nothing new.
    expect(created.review.triggers).toEqual([]);
    expect(await op('risk.get', { id: created.id })).toEqual(created);
  });

  it('recomputes on update; an override keeps the computed level and moves the review', async () => {
    const { op, created } = await assessedDefender();
    const overridden = await op('risk.update', {
      id: created.id,
      override: { level: 'extreme', reason: 'La siguieron hasta la casa de su madre.' },
    });
    expect([overridden.scoring.computedLevel, overridden.scoring.level]).toEqual([
      'high',
      'extreme',
    ]);
    expect(overridden.review.nextReviewOn).toBe(addDays(assessmentSample.assessedOn, 7));
    expect(overridden.threats.map((t) => t.id)).toEqual(created.threats.map((t) => t.id));

    const calmer = await op('risk.update', {
      id: created.id,
      override: null,
      threats: [{ ...threatSample, likelihood: 1, impact: 2 }],
    });
    // 2/25 × (2/3) ÷ (2/3) = 0.08: low, back to 90 days.
    expect(calmer.scoring.score).toBeCloseTo(0.08);
    expect(calmer.scoring.level).toBe('low');
    expect(calmer.review.nextReviewOn).toBe(addDays(assessmentSample.assessedOn, 90));
    expect(calmer.threats[0]!.aggressionIds).toEqual([]);
    // The threat was edited in place (another office sees it changed, not replaced).
    expect(calmer.threats.map((t) => t.id)).toEqual(created.threats.map((t) => t.id));
  });

  it('audits each write in its transaction, with levels as values and no free text', async () => {
    const { op, created } = await assessedDefender();
    await op('risk.update', { id: created.id, context: 'Contexto nuevo y privado' });
    const history = await op('audit.history', { entityId: created.id });
    expect(history.map((e) => [e.action, e.entity, e.actor])).toEqual([
      ['create', 'risk_assessment', DISPLAY_NAME],
      ['update', 'risk_assessment', DISPLAY_NAME],
    ]);
    expect(history[0]!.changes).toMatchObject({
      set: { kind: 'immediate', computedLevel: 'high', level: 'high' },
    });
    expect(history[1]!.changes).toMatchObject({ textChanged: ['context'] });
    const text = JSON.stringify(history);
    for (const secret of ['Contexto nuevo', 'Duerme mal', 'arrepentir', 'Vive sola', 'hermana']) {
      expect(text).not.toContain(secret);
    }
    expect(await op('audit.verify', {})).toMatchObject({ intact: true });
  });

  it('refuses two subjects or none, unknown subjects and aggressions, and a bare override', async () => {
    const { op, person } = await assessedDefender();
    const both = { ...assessmentSample, personId: person.id, collectiveId: person.id };
    expect((await errorOf(op('risk.create', both))).code).toBe('validation');
    const none = { ...assessmentSample, personId: null };
    expect((await errorOf(op('risk.create', none))).code).toBe('validation');
    const stranger = { ...assessmentSample, personId: MISSING };
    expect((await errorOf(op('risk.create', stranger))).code).toBe('not_found');
    const dangling = {
      ...assessmentSample,
      personId: person.id,
      threats: [{ ...threatSample, aggressionIds: [MISSING] }],
    };
    expect((await errorOf(op('risk.create', dangling))).code).toBe('not_found');
    const bare = {
      ...assessmentSample,
      personId: person.id,
      override: { level: 'low', reason: ' ' },
    };
    expect((await errorOf(op('risk.create', bare as never))).code).toBe('validation');
    const badRating = {
      ...assessmentSample,
      personId: person.id,
      capacities: [{ area: 'economic', description: '', rating: 4 }],
    };
    expect((await errorOf(op('risk.create', badRating as never))).code).toBe('validation');
    expect((await errorOf(op('risk.update', { id: MISSING, kind: 'review' }))).code).toBe(
      'not_found',
    );
    // Nothing half-written: the refused creations left no assessment behind.
    expect((await op('risk.listForPerson', { personId: person.id })).history).toHaveLength(1);
  });

  it('re-assesses from a copy: items, links, self-care and open measures; the original stays', async () => {
    const { op, created, aggressionId, person } = await assessedDefender();
    await op('risk.update', {
      id: created.id,
      override: { level: 'extreme', reason: 'Contexto electoral' },
    });
    const open = await op('plans.addMeasure', { assessmentId: created.id, ...measureSample });
    await op('plans.addMeasure', {
      assessmentId: created.id,
      ...measureSample,
      category: 'digital',
      status: 'done',
    });
    await op('plans.addMeasure', {
      assessmentId: created.id,
      ...measureSample,
      category: 'relocation',
      status: 'dropped',
    });
    const review = await op('risk.reassess', {
      id: created.id,
      assessedOn: '2026-04-20',
      assessor: 'Enlace regional',
    });
    expect(review.id).not.toBe(created.id);
    expect(review).toMatchObject({
      previousId: created.id,
      kind: 'review',
      assessedOn: '2026-04-20',
      assessor: 'Enlace regional',
      override: null,
      context: assessmentSample.context,
      selfCare: assessmentSample.selfCare,
    });
    expect(review.threats.map((t) => [t.description, t.aggressionIds])).toEqual([
      [threatSample.description, [aggressionId]],
    ]);
    expect(review.threats[0]!.id).not.toBe(created.threats[0]!.id);
    expect(review.vulnerabilities.map(({ id: _id, ...v }) => v)).toEqual(
      created.vulnerabilities.map(({ id: _id, ...v }) => v),
    );
    expect(review.measures.map((m) => [m.category, m.status, m.dueOn])).toEqual([
      [open.category, 'planned', open.dueOn],
    ]);
    // Same items without the override: the computed level, reviewed 30 days after the new date.
    expect(review.scoring.level).toBe('high');
    expect(review.review.nextReviewOn).toBe('2026-05-20');
    const original = await op('risk.get', { id: created.id });
    expect(original.scoring.level).toBe('extreme');
    expect(original.measures).toHaveLength(3);

    const { history } = await op('risk.listForPerson', { personId: person.id });
    expect(history.map((h) => [h.id, h.assessedOn, h.level, h.overridden])).toEqual([
      [created.id, '2026-03-16', 'extreme', true],
      [review.id, '2026-04-20', 'high', false],
    ]);
    expect(history.map((h) => h.computedLevel)).toEqual(['high', 'high']);
  });

  it('adds, updates and deletes measures, audited; refuses a plan for no assessment', async () => {
    const { op, created } = await assessedDefender();
    const measure = await op('plans.addMeasure', { assessmentId: created.id, ...measureSample });
    expect(measure).toMatchObject({ assessmentId: created.id, ...measureSample });
    const started = await op('plans.updateMeasure', { id: measure.id, status: 'in_progress' });
    expect(started.status).toBe('in_progress');
    expect((await op('risk.get', { id: created.id })).measures).toEqual([started]);
    await op('plans.deleteMeasure', { id: measure.id });
    expect((await op('risk.get', { id: created.id })).measures).toEqual([]);
    const history = await op('audit.history', { entityId: measure.id });
    expect(history.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.stringify(history)).not.toContain('casa de respiro');
    const orphan = { assessmentId: MISSING, ...measureSample };
    expect((await errorOf(op('plans.addMeasure', orphan))).code).toBe('not_found');
    expect((await errorOf(op('plans.deleteMeasure', { id: measure.id }))).code).toBe('not_found');
  });

  it('deletes an assessment with its plan, and all of them with the defender', async () => {
    const { op, created, person, kase } = await assessedDefender();
    const measure = await op('plans.addMeasure', { assessmentId: created.id, ...measureSample });
    const second = await op('risk.reassess', {
      id: created.id,
      assessedOn: '2026-05-01',
      assessor: 'Enlace regional',
    });
    await op('risk.delete', { id: created.id });
    expect((await errorOf(op('risk.get', { id: created.id }))).code).toBe('not_found');
    expect(
      (await errorOf(op('plans.updateMeasure', { id: measure.id, status: 'done' }))).code,
    ).toBe('not_found');
    // The re-assessment outlives the one it came from.
    expect((await op('risk.get', { id: second.id })).previousId).toBeNull();
    // A person still named as a victim cannot be deleted; once the case is gone, she and her
    // assessments go together.
    await op('cases.delete', { id: kase.id });
    await op('people.delete', { id: person.id });
    expect((await errorOf(op('risk.get', { id: second.id }))).code).toBe('not_found');
  });

  it('asks for a review at once after a new aggression against her or her relatives', async () => {
    const { op, created, person, kase } = await assessedDefender();
    const today = localToday();
    const fresh = await op('risk.reassess', {
      id: created.id,
      assessedOn: today,
      assessor: 'Enlace regional',
    });
    expect(fresh.review.status).toBe('scheduled');
    await op('aggressions.add', {
      caseId: kase.id,
      ...aggressionSample,
      occurredOn: addDays(today, 1),
      victims: [{ personId: person.id, collectiveId: null, role: 'close_person' }],
    });
    const after = await op('risk.get', { id: fresh.id });
    expect(after.review).toMatchObject({
      status: 'at_once',
      triggers: ['new_aggression', 'threat_to_relatives'],
    });
    const listed = await op('risk.listForPerson', { personId: person.id });
    expect(listed.review).toEqual(after.review);
  });
});
