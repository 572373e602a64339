import { afterEach, describe, expect, it } from 'vitest';
import { type AggressionFields } from '../../shared/contract/case-parts';
import { type CaseFields } from '../../shared/contract/cases';
import {
  type AggressionType,
  type CaseStatus,
  type Country,
  type PerpetratorType,
  type Urgency,
} from '../../shared/vocabularies';
import { type Database } from '../../electron/database/sqlite';
import {
  insertAggression,
  updateAggression,
} from '../../electron/repositories/aggression-repository';
import { deleteCase, insertCase } from '../../electron/repositories/case-repository';
import { dashboardSummary } from '../../electron/repositories/dashboard-summary';
import { insertAssessment } from '../../electron/repositories/risk-assessment-repository';
import { insertMeasure } from '../../electron/repositories/risk-measure-repository';
import { aggressionSample, caseSample } from './support/record-samples';
import { addCollective, addPerson, fieldsAt, openRiskDatabase } from './support/risk-db';
import { measureSample } from './support/risk-samples';

let db: Database | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

interface Act {
  occurredOn: string;
  country: Country | null;
  types: AggressionType[];
  perpetrators: PerpetratorType[];
}
interface Kase {
  status: CaseStatus;
  urgency: Urgency;
  acts: Act[];
}

const STATUSES: CaseStatus[] = ['open', 'monitoring', 'closed'];
const URGENCIES: Urgency[] = ['low', 'medium', 'high', 'critical'];
const COUNTRIES: (Country | null)[] = ['MX', 'GT', 'HN', null, 'MX'];
const TYPES: AggressionType[] = ['threat', 'death_threat', 'surveillance', 'smear_campaign'];
const PERPETRATORS: PerpetratorType[] = ['police', 'company', 'organized_crime'];

/** 45 cases, 1–3 acts each, spread over 2024-11 … 2026-04; some acts have two perpetrators of one type. */
function fixture(): Kase[] {
  return Array.from({ length: 45 }, (_, i) => ({
    status: STATUSES[i % 3]!,
    urgency: URGENCIES[(i * 7) % 4]!,
    acts: Array.from({ length: 1 + (i % 3) }, (_, k) => {
      const month = (i * 5 + k * 11) % 18; // 0 = 2024-11
      const year = 2024 + Math.floor((month + 10) / 12);
      const day = 1 + ((i + k * 9) % 28);
      return {
        occurredOn: `${year}-${String(((month + 10) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        country: COUNTRIES[(i + k) % 5]!,
        types: TYPES.filter((_, t) => (i + k + t) % 3 === 0),
        perpetrators:
          (i + k) % 4 === 0
            ? [PERPETRATORS[i % 3]!, PERPETRATORS[i % 3]!]
            : [PERPETRATORS[(i + k) % 3]!],
      };
    }).map((a) => ({
      ...a,
      types: a.types.length ? a.types : (['harassment'] as AggressionType[]),
    })),
  }));
}

/** Case ids and, per case, its acts' ids, in fixture order. */
async function insertFixture(db: Database, cases: Kase[]) {
  return db.transaction(async (tx) => {
    const ids: { caseId: string; acts: string[] }[] = [];
    for (const [i, kase] of cases.entries()) {
      const fields: CaseFields = {
        ...caseSample,
        title: `Caso ${i}`,
        status: kase.status,
        urgency: kase.urgency,
      };
      const caseId = await insertCase(tx, fields);
      ids.push({ caseId, acts: [] });
      for (const act of kase.acts) {
        const aggression: AggressionFields = {
          ...aggressionSample,
          occurredOn: act.occurredOn,
          country: act.country,
          types: act.types,
          perpetrators: act.perpetrators.map((type) => ({
            type,
            identified: false,
            description: '',
            involvement: 'direct',
          })),
        };
        ids.at(-1)!.acts.push(await insertAggression(tx, caseId, aggression));
      }
    }
    return ids;
  });
}

/** Counts by plain loops over the fixture: no SQL involved. */
function expectedAggregates(cases: Kase[], from: string, to: string) {
  const acts = cases
    .flatMap((c) => c.acts)
    .filter((a) => a.occurredOn >= from && a.occurredOn <= to);
  const tally = <K>(keysOf: (a: Act) => K[]) => {
    const counts = new Map<K, number>();
    for (const act of acts)
      for (const key of keysOf(act)) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  return {
    total: acts.length,
    byMonth: tally((a) => [a.occurredOn.slice(0, 7)]),
    byType: tally((a) => a.types),
    byPerpetratorType: tally((a) => [...new Set(a.perpetrators)]),
    byCountry: tally((a) => [a.country]),
  };
}

const asMap = <K>(buckets: { key: K; count: number }[]) =>
  new Map(buckets.filter((b) => b.count > 0).map((b) => [b.key, b.count]));

describe('dashboard aggregates', () => {
  for (const [label, from, to] of [
    ['all time', null, null],
    ['2025-03-01 … 2025-12-31', '2025-03-01', '2025-12-31'],
    ['one day', '2025-06-04', '2025-06-04'],
  ] as const) {
    it(`match counts made independently from the inserted data (${label})`, async () => {
      db = await openRiskDatabase();
      const cases = fixture();
      await insertFixture(db, cases);
      const summary = await dashboardSummary(db, { from, to }, '2026-06-15');
      const expected = expectedAggregates(cases, from ?? '0000', to ?? '9999');
      expect(expected.total).toBeGreaterThan(label === 'one day' ? -1 : 10);
      expect(summary.aggressions.total).toBe(expected.total);
      expect(asMap(summary.aggressions.byMonth)).toEqual(expected.byMonth);
      expect(asMap(summary.aggressions.byType)).toEqual(expected.byType);
      expect(asMap(summary.aggressions.byPerpetratorType)).toEqual(expected.byPerpetratorType);
      expect(asMap(summary.aggressions.byCountry)).toEqual(expected.byCountry);
      // Months run without gaps; the bars come largest first.
      const months = summary.aggressions.byMonth.map((m) => m.key);
      expect(months).toEqual([...months].sort());
      if (label === 'all time') expect(months).toHaveLength(18);
      const counts = summary.aggressions.byType.map((b) => b.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });
  }

  it('stay right when acts move, change types or perpetrators, and cases are deleted', async () => {
    db = await openRiskDatabase();
    const cases = fixture();
    const ids = await insertFixture(db, cases);
    await db.transaction(async (tx) => {
      // Move an act to another month and country, with new types and perpetrators.
      const moved = cases[4]!.acts[1]!;
      Object.assign(moved, {
        occurredOn: '2025-07-09',
        country: 'SV',
        types: ['killing'],
        perpetrators: ['armed_forces', 'armed_forces', 'police'],
      });
      await updateAggression(tx, ids[4]!.acts[1]!, {
        occurredOn: moved.occurredOn,
        country: moved.country,
        types: moved.types,
        perpetrators: moved.perpetrators.map((type) => ({
          type,
          identified: true,
          description: '',
          involvement: 'ordered',
        })),
      });
      // Delete two cases with all their acts.
      for (const k of [7, 8]) await deleteCase(tx, ids[k]!.caseId);
    });
    const remaining = cases.filter((_, k) => k !== 7 && k !== 8);
    for (const [from, to] of [
      [null, null],
      ['2025-07-01', '2025-07-31'],
      ['2025-02-11', '2025-09-20'],
    ] as const) {
      const summary = await dashboardSummary(db, { from, to }, '2026-06-15');
      const expected = expectedAggregates(remaining, from ?? '0000', to ?? '9999');
      expect(summary.aggressions.total).toBe(expected.total);
      expect(asMap(summary.aggressions.byMonth)).toEqual(expected.byMonth);
      expect(asMap(summary.aggressions.byType)).toEqual(expected.byType);
      expect(asMap(summary.aggressions.byPerpetratorType)).toEqual(expected.byPerpetratorType);
      expect(asMap(summary.aggressions.byCountry)).toEqual(expected.byCountry);
    }
    const negative = await db.get('SELECT count(*) AS n FROM dashboard_counts WHERE n < 0');
    expect(negative?.['n']).toBe(0);
  });

  it('counts urgent open cases, most urgent first, without narratives', async () => {
    db = await openRiskDatabase();
    const cases = fixture();
    await insertFixture(db, cases);
    const summary = await dashboardSummary(db, { from: null, to: null }, '2026-06-15');
    const urgent = cases.filter(
      (c) => c.status === 'open' && ['high', 'critical'].includes(c.urgency),
    );
    expect(summary.urgentCases.count).toBe(urgent.length);
    expect(summary.urgentCases.items).toHaveLength(Math.min(20, urgent.length));
    const ranks = summary.urgentCases.items.map((c) => URGENCIES.indexOf(c.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(summary.urgentCases.items.every((c) => c.status === 'open')).toBe(true);
    expect(JSON.stringify(summary)).not.toContain(aggressionSample.narrative);
  });
});

describe('dashboard risk lists', () => {
  it('shows latest assessments at high or extreme risk, reviews due, overdue measures', async () => {
    db = await openRiskDatabase();
    const today = '2026-06-15';
    const [p1, p2, p3, p4] = [
      await addPerson(db, 'Uno'),
      await addPerson(db, 'Dos'),
      await addPerson(db, 'Tres'),
      await addPerson(db, 'Cuatro'),
    ] as [string, string, string, string];
    const c1 = await addCollective(db, 'Colectiva Cinco');
    const person = (personId: string) => ({ personId, collectiveId: null });
    const ids = await db.transaction(async (tx) => {
      // High (16/25) → review 2026-07-10: scheduled.
      const a1 = await insertAssessment(
        tx,
        person(p1),
        fieldsAt('2026-06-10', { likelihood: 4, impact: 4 }),
      );
      // An old extreme one, superseded by a low one reviewed 2026-05-30: overdue, not at risk.
      const a2old = await insertAssessment(
        tx,
        person(p2),
        fieldsAt('2025-01-01', { likelihood: 5, impact: 5 }),
      );
      const a2 = await insertAssessment(
        tx,
        person(p2),
        fieldsAt('2026-03-01', { likelihood: 1, impact: 1 }),
      );
      // Low, review 2026-06-18: due within the week.
      const a3 = await insertAssessment(
        tx,
        person(p3),
        fieldsAt('2026-03-20', { likelihood: 1, impact: 1 }),
      );
      // Extreme by override, review 2026-06-08: overdue and at risk.
      const a4 = await insertAssessment(
        tx,
        person(p4),
        fieldsAt(
          '2026-06-01',
          { likelihood: 2, impact: 3 },
          { override: { level: 'extreme', reason: 'x' } },
        ),
      );
      // Medium, review 2026-08-30, but an aggression against the collective came after: at once.
      const a5 = await insertAssessment(
        tx,
        { personId: null, collectiveId: c1 },
        fieldsAt('2026-06-01', { likelihood: 2, impact: 3 }),
      );
      const caseId = await insertCase(tx, caseSample);
      await insertAggression(tx, caseId, {
        ...aggressionSample,
        occurredOn: '2026-06-05',
        victims: [{ personId: null, collectiveId: c1, role: 'direct' }],
      });
      const measure = (
        assessmentId: string,
        dueOn: string | null,
        status: typeof measureSample.status | 'done' | 'in_progress',
      ) => insertMeasure(tx, assessmentId, { ...measureSample, dueOn, status });
      const overdue1 = await measure(a1, '2026-06-01', 'planned');
      await measure(a1, '2026-06-01', 'done');
      await measure(a1, '2026-06-20', 'in_progress');
      await measure(a1, null, 'planned');
      await measure(a1, today, 'planned'); // due today: not yet overdue
      await measure(a2old, '2025-02-01', 'planned'); // superseded plan
      const overdue2 = await measure(a2, '2026-06-14', 'in_progress');
      return { a1, a2, a3, a4, a5, overdue1, overdue2 };
    });

    const summary = await dashboardSummary(db, { from: null, to: null }, today);
    expect(summary.atRisk.count).toBe(2);
    expect(summary.atRisk.items.map((r) => [r.assessmentId, r.level, r.label])).toEqual([
      [ids.a4, 'extreme', 'Cuatro'],
      [ids.a1, 'high', 'Uno'],
    ]);
    expect(summary.reviews.items.map((r) => [r.assessmentId, r.status, r.nextReviewOn])).toEqual([
      [ids.a5, 'at_once', '2026-08-30'],
      [ids.a4, 'overdue', '2026-06-08'],
      [ids.a2, 'overdue', '2026-05-30'],
      [ids.a3, 'due', '2026-06-18'],
    ]);
    expect(summary.reviews.items[0]).toMatchObject({
      label: 'Colectiva Cinco',
      triggers: ['new_aggression'],
    });
    expect(summary.overdueMeasures.count).toBe(2);
    expect(summary.overdueMeasures.items.map((m) => [m.id, m.dueOn, m.label])).toEqual([
      [ids.overdue1, '2026-06-01', 'Uno'],
      [ids.overdue2, '2026-06-14', 'Dos'],
    ]);
  });
});
