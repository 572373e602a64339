import { type RiskArea, type RiskLevel } from '../vocabularies/risk';

/**
 * Risk = threats × vulnerabilities ÷ capacities (Protection International, Front Line Defenders),
 * with Resguardo's scales (DOMAIN.md, "Risk assessment"; the method is written out in
 * docs/risk-method.md). Pure: the main side stores what it returns, the UI shows the same reasons
 * live while the assessor types.
 *
 * - T = the highest threat priority (likelihood 1–5 × impact 1–5) ÷ 25, in 0.04–1; 0 without threats.
 * - V = mean vulnerability rating (0–3) ÷ 3, in 0–1.
 * - C = mean capacity rating (0–3) ÷ 3, but never below CAPACITY_FLOOR, so that "no capacity at
 *   all" multiplies the risk by 10 instead of dividing by zero.
 * - score = T × V ÷ C, in 0–10.
 *
 * Missing information never lowers the risk: no vulnerabilities recorded counts as V = 1 (as if
 * fully exposed) and no capacities recorded as C = CAPACITY_FLOOR, each with a note saying so. An
 * assessment started in a hurry is then read as dangerous until someone fills it in.
 */
export const CAPACITY_FLOOR = 0.1;

/**
 * Lower bounds of each level on the score. When vulnerabilities and capacities balance (V = C)
 * the score is T, so the thresholds read as threat priorities: under 5 of 25 is low, 5–12 medium,
 * 12.5–24 high, 25 (certain and grave) extreme; more vulnerability than capacity moves a threat up.
 * Worked example: T = 20/25, V = 2/3, C = 1/3 → 0.8 × 2 = 1.6 → extreme.
 */
export const LEVEL_THRESHOLDS: readonly { level: RiskLevel; from: number }[] = [
  { level: 'extreme', from: 1 },
  { level: 'high', from: 0.5 },
  { level: 'medium', from: 0.2 },
  { level: 'low', from: 0 },
];

export interface ThreatRating {
  likelihood: number;
  impact: number;
}

export interface FactorRating {
  area: RiskArea;
  rating: number;
}

export interface RiskOverride {
  level: RiskLevel;
  reason: string;
}

export interface ScoreInput {
  threats: readonly ThreatRating[];
  vulnerabilities: readonly FactorRating[];
  capacities: readonly FactorRating[];
  override: RiskOverride | null;
}

/** Codes the UI turns into sentences (`risk.note.<code>`). */
export type RiskNote =
  | 'no_threats'
  | 'no_vulnerabilities_recorded'
  | 'no_capacities_recorded'
  | 'capacity_floor_applied'
  | 'overridden';

/** `index` points into the input list, so the UI can highlight the row it came from. */
export interface ThreatReason {
  index: number;
  priority: number;
  likelihood: number;
  impact: number;
}
export interface FactorReason {
  index: number;
  area: RiskArea;
  rating: number;
}

export interface RiskScore {
  /** Normalised components, each 0–1 (C at least CAPACITY_FLOOR). */
  t: number;
  v: number;
  c: number;
  score: number;
  computedLevel: RiskLevel;
  /** The override's level when there is one, else the computed level. */
  level: RiskLevel;
  override: RiskOverride | null;
  /**
   * What weighs most, each list sorted with the heaviest first: threats by priority (then impact),
   * vulnerabilities by rating, capacities weakest first (a missing capacity raises the risk).
   * Ties keep the input order.
   */
  reasons: {
    threats: ThreatReason[];
    vulnerabilities: FactorReason[];
    capacities: FactorReason[];
    notes: RiskNote[];
  };
}

const THREAT_MAX = 25;
const FACTOR_MAX = 3;

export function threatPriority(threat: ThreatRating): number {
  return threat.likelihood * threat.impact;
}

export function levelForScore(score: number): RiskLevel {
  return LEVEL_THRESHOLDS.find((t) => score >= t.from)?.level ?? 'low';
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function scoreRisk(input: ScoreInput): RiskScore {
  const notes: RiskNote[] = [];
  const threats = input.threats
    .map((t, index) => ({ index, priority: threatPriority(t), ...t }))
    .sort((a, b) => b.priority - a.priority || b.impact - a.impact || a.index - b.index)
    .map(({ index, priority, likelihood, impact }) => ({ index, priority, likelihood, impact }));
  const t = (threats[0]?.priority ?? 0) / THREAT_MAX;
  if (threats.length === 0) notes.push('no_threats');

  let v = 1;
  if (input.vulnerabilities.length === 0) notes.push('no_vulnerabilities_recorded');
  else v = mean(input.vulnerabilities.map((f) => f.rating)) / FACTOR_MAX;

  let c = CAPACITY_FLOOR;
  if (input.capacities.length === 0) notes.push('no_capacities_recorded');
  else {
    const measured = mean(input.capacities.map((f) => f.rating)) / FACTOR_MAX;
    if (measured < CAPACITY_FLOOR) notes.push('capacity_floor_applied');
    c = Math.max(CAPACITY_FLOOR, measured);
  }

  const score = (t * v) / c;
  const computedLevel = levelForScore(score);
  if (input.override) notes.push('overridden');
  const factors = (list: readonly FactorRating[]) =>
    list.map(({ area, rating }, index) => ({ index, area, rating }));
  return {
    t,
    v,
    c,
    score,
    computedLevel,
    level: input.override?.level ?? computedLevel,
    override: input.override,
    reasons: {
      threats,
      vulnerabilities: factors(input.vulnerabilities).sort(
        (a, b) => b.rating - a.rating || a.index - b.index,
      ),
      capacities: factors(input.capacities).sort(
        (a, b) => a.rating - b.rating || a.index - b.index,
      ),
      notes,
    },
  };
}
