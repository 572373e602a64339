import { describe, expect, it } from 'vitest';
import {
  addDays,
  CAPACITY_FLOOR,
  levelForScore,
  nextReviewDate,
  reviewStatus,
  scoreRisk,
  type FactorRating,
  type ScoreInput,
} from '../../shared/risk';

/** Factors in one area: the area does not change the arithmetic, only the reasons' labels. */
const ratings = (...values: number[]): FactorRating[] =>
  values.map((rating) => ({ area: 'location_physical', rating }));

const input = (over: Partial<ScoreInput>): ScoreInput => ({
  threats: [],
  vulnerabilities: [],
  capacities: [],
  override: null,
  ...over,
});

describe('the risk score (T × V ÷ C)', () => {
  it('worked example: T = 20/25, V = 2/3, C = 1/3 → 0.8 × 2 = 1.6, extreme', () => {
    const result = scoreRisk(
      input({
        threats: [{ likelihood: 4, impact: 5 }],
        vulnerabilities: ratings(3, 1), // mean 2 of 3
        capacities: ratings(0, 2), // mean 1 of 3
      }),
    );
    expect(result.t).toBeCloseTo(20 / 25);
    expect(result.v).toBeCloseTo(2 / 3);
    expect(result.c).toBeCloseTo(1 / 3);
    expect(result.score).toBeCloseTo(1.6);
    expect(result.computedLevel).toBe('extreme');
    expect(result.level).toBe('extreme');
    expect(result.reasons.notes).toEqual([]);
  });

  it('balanced vulnerabilities and capacities leave the threat priority: 16/25 → 0.64, high', () => {
    const result = scoreRisk(
      input({
        threats: [{ likelihood: 4, impact: 4 }],
        vulnerabilities: ratings(1),
        capacities: ratings(1),
      }),
    );
    expect(result.score).toBeCloseTo(0.64);
    expect(result.computedLevel).toBe('high');
  });

  it('a likely threat of little impact against good capacities: 9/25 × 1 ÷ (2.5/3) = 0.432, medium', () => {
    const result = scoreRisk(
      input({
        threats: [{ likelihood: 3, impact: 3 }],
        vulnerabilities: ratings(3, 3, 3),
        capacities: ratings(2, 3),
      }),
    );
    expect(result.score).toBeCloseTo(0.36 / (2.5 / 3));
    expect(result.score).toBeCloseTo(0.432);
    expect(result.computedLevel).toBe('medium');
  });

  it('a remote, minor threat: 3/25 with V = C → 0.12, low', () => {
    const result = scoreRisk(
      input({
        threats: [{ likelihood: 1, impact: 3 }],
        vulnerabilities: ratings(2),
        capacities: ratings(2),
      }),
    );
    expect(result.score).toBeCloseTo(0.12);
    expect(result.computedLevel).toBe('low');
  });

  it('takes T from the highest priority only, not the sum of threats', () => {
    const one = scoreRisk(
      input({
        threats: [{ likelihood: 2, impact: 2 }],
        vulnerabilities: ratings(3),
        capacities: ratings(3),
      }),
    );
    const many = scoreRisk(
      input({
        threats: Array.from({ length: 5 }, () => ({ likelihood: 2, impact: 2 })),
        vulnerabilities: ratings(3),
        capacities: ratings(3),
      }),
    );
    expect(many.score).toBe(one.score);
    expect(one.score).toBeCloseTo(0.16);
  });

  it('puts the thresholds where docs/risk-method.md says (0.2, 0.5, 1), lower bound included', () => {
    expect(levelForScore(0)).toBe('low');
    expect(levelForScore(0.1999)).toBe('low');
    expect(levelForScore(0.2)).toBe('medium');
    expect(levelForScore(0.4999)).toBe('medium');
    expect(levelForScore(0.5)).toBe('high');
    expect(levelForScore(0.9999)).toBe('high');
    expect(levelForScore(1)).toBe('extreme');
    expect(levelForScore(10)).toBe('extreme');
    // Exact boundaries reached through the equation: 5/25 × 1 ÷ 1 and 25/25 × 1 ÷ 1.
    const at = (likelihood: number, impact: number) =>
      scoreRisk(
        input({
          threats: [{ likelihood, impact }],
          vulnerabilities: ratings(3),
          capacities: ratings(3),
        }),
      );
    expect(at(5, 1).computedLevel).toBe('medium');
    expect(at(4, 1).computedLevel).toBe('low');
    expect(at(5, 5).computedLevel).toBe('extreme');
    expect(at(4, 5).computedLevel).toBe('high');
  });
});

describe('the risk score at its edges', () => {
  it('without threats: T = 0, low, with a note saying why', () => {
    const result = scoreRisk(input({ vulnerabilities: ratings(3, 3), capacities: ratings(0) }));
    expect(result.t).toBe(0);
    expect(result.score).toBe(0);
    expect(result.computedLevel).toBe('low');
    expect(result.reasons.notes).toContain('no_threats');
    expect(result.reasons.threats).toEqual([]);
  });

  it('without capacities: C = the floor (0.1), never a division by zero — 4/25 × 1/3 ÷ 0.1 = 0.533, high', () => {
    const result = scoreRisk(
      input({ threats: [{ likelihood: 2, impact: 2 }], vulnerabilities: ratings(1) }),
    );
    expect(CAPACITY_FLOOR).toBe(0.1);
    expect(result.c).toBe(0.1);
    expect(result.score).toBeCloseTo((0.16 * (1 / 3)) / 0.1);
    expect(Number.isFinite(result.score)).toBe(true);
    expect(result.computedLevel).toBe('high');
    expect(result.reasons.notes).toEqual(['no_capacities_recorded']);
  });

  it('capacities all rated 0 also hit the floor, noted differently', () => {
    const result = scoreRisk(
      input({
        threats: [{ likelihood: 1, impact: 1 }],
        vulnerabilities: ratings(3),
        capacities: ratings(0, 0),
      }),
    );
    expect(result.c).toBe(0.1);
    expect(result.score).toBeCloseTo(0.04 / 0.1); // 0.4
    expect(result.computedLevel).toBe('medium');
    expect(result.reasons.notes).toEqual(['capacity_floor_applied']);
  });

  it('without vulnerabilities: V counts as 1 (missing information never lowers the risk)', () => {
    const result = scoreRisk(
      input({ threats: [{ likelihood: 3, impact: 4 }], capacities: ratings(2) }),
    );
    expect(result.v).toBe(1);
    expect(result.score).toBeCloseTo(0.48 / (2 / 3)); // 0.72
    expect(result.computedLevel).toBe('high');
    expect(result.reasons.notes).toEqual(['no_vulnerabilities_recorded']);
  });

  it('keeps both levels when the assessor overrides, with her reason', () => {
    const override = {
      level: 'high' as const,
      reason: 'La amenaza vino de un vecino ya detenido.',
    };
    const result = scoreRisk(
      input({
        threats: [{ likelihood: 4, impact: 5 }],
        vulnerabilities: ratings(2),
        capacities: ratings(1),
        override,
      }),
    );
    expect(result.computedLevel).toBe('extreme');
    expect(result.level).toBe('high');
    expect(result.override).toEqual(override);
    expect(result.reasons.notes).toContain('overridden');
    // The override can also raise the level.
    const raised = scoreRisk(
      input({ override: { level: 'extreme', reason: 'Contexto electoral' } }),
    );
    expect([raised.computedLevel, raised.level]).toEqual(['low', 'extreme']);
  });
});

describe('the reasons', () => {
  it('sort threats by priority then impact, vulnerabilities highest first, capacities weakest first', () => {
    const result = scoreRisk(
      input({
        threats: [
          { likelihood: 2, impact: 5 }, // 10
          { likelihood: 4, impact: 4 }, // 16
          { likelihood: 5, impact: 2 }, // 10, less grave than the first
          { likelihood: 3, impact: 3 }, // 9
        ],
        vulnerabilities: [
          { area: 'economic', rating: 1 },
          { area: 'communications_digital', rating: 3 },
          { area: 'legal_judicial', rating: 3 },
          { area: 'health_wellbeing', rating: 0 },
        ],
        capacities: [
          { area: 'organization_networks', rating: 2 },
          { area: 'location_physical', rating: 0 },
          { area: 'economic', rating: 3 },
          { area: 'gender_intersectional', rating: 0 },
        ],
      }),
    );
    expect(result.reasons.threats.map((t) => [t.index, t.priority])).toEqual([
      [1, 16],
      [0, 10],
      [2, 10],
      [3, 9],
    ]);
    expect(result.reasons.vulnerabilities.map((f) => f.area)).toEqual([
      'communications_digital',
      'legal_judicial',
      'economic',
      'health_wellbeing',
    ]);
    expect(result.reasons.capacities.map((f) => f.index)).toEqual([1, 3, 0, 2]);
    // 16/25 × (7/4)/3 ÷ (5/4)/3 = 0.64 × 1.4 = 0.896
    expect(result.score).toBeCloseTo(0.896);
    expect(result.computedLevel).toBe('high');
  });
});

describe('the review schedule', () => {
  it('comes 90 days after at low and medium, 30 at high, 7 at extreme', () => {
    expect(nextReviewDate('2026-01-01', 'low')).toBe('2026-04-01');
    expect(nextReviewDate('2026-01-01', 'medium')).toBe('2026-04-01');
    expect(nextReviewDate('2026-01-31', 'high')).toBe('2026-03-02');
    expect(nextReviewDate('2026-12-28', 'extreme')).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('is overdue after the date, due within a week of it, at once after a trigger', () => {
    expect(reviewStatus('2026-05-01', [], '2026-05-02')).toBe('overdue');
    expect(reviewStatus('2026-05-01', [], '2026-05-01')).toBe('due');
    expect(reviewStatus('2026-05-08', [], '2026-05-01')).toBe('due');
    expect(reviewStatus('2026-05-09', [], '2026-05-01')).toBe('scheduled');
    expect(reviewStatus('2026-09-01', ['threat_to_relatives'], '2026-05-01')).toBe('at_once');
  });
});
