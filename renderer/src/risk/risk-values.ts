import { type z } from 'zod';
import {
  assessmentFields,
  measureFields,
  type Assessment,
  type FactorInput,
  type MeasureFields,
  type ThreatInput,
} from '../../../shared/contract/risk';
import { type RiskLevel } from '../../../shared/vocabularies/risk';

/** Who an assessment covers: one defender or one collective. */
export interface RiskSubject {
  kind: 'person' | 'collective';
  id: string;
}

/** The assessment form is the contract's own fields, so it refuses what main would refuse. */
export const assessmentFormSchema = assessmentFields;
export type AssessmentFormValues = z.infer<typeof assessmentFormSchema>;

export const measureFormSchema = measureFields;
export type MeasureFormValues = MeasureFields;

export function emptyThreat(): ThreatInput {
  return {
    description: '',
    perpetratorType: null,
    means: 'in_person',
    aggressionIds: [],
    likelihood: 3,
    impact: 3,
    analysis: { facts: '', pattern: '', objective: '', source: '', feasibility: '' },
  };
}

export function emptyFactor(): FactorInput {
  return { area: 'location_physical', description: '', rating: 1 };
}

export function emptyAssessment(assessedOn: string, assessor: string): AssessmentFormValues {
  return {
    assessedOn,
    assessor,
    kind: 'ordinary',
    context: '',
    allies: '',
    adversaries: '',
    threats: [],
    vulnerabilities: [],
    capacities: [],
    selfCare: { body: '', emotions: '', rest: '', supportNetwork: '' },
    override: null,
    reviewTriggers: [],
  };
}

/** A stored assessment back into the form's shape (ids and computed parts left out). */
export function assessmentValues(a: Assessment): AssessmentFormValues {
  return {
    assessedOn: a.assessedOn,
    assessor: a.assessor,
    kind: a.kind,
    context: a.context,
    allies: a.allies,
    adversaries: a.adversaries,
    threats: a.threats.map((threat) => ({
      description: threat.description,
      perpetratorType: threat.perpetratorType,
      means: threat.means,
      aggressionIds: threat.aggressionIds,
      likelihood: threat.likelihood,
      impact: threat.impact,
      analysis: threat.analysis,
    })),
    vulnerabilities: a.vulnerabilities.map(({ area, description, rating }) => ({
      area,
      description,
      rating,
    })),
    capacities: a.capacities.map(({ area, description, rating }) => ({
      area,
      description,
      rating,
    })),
    selfCare: a.selfCare,
    override: a.override,
    reviewTriggers: a.reviewTriggers,
  };
}

/** Position of a level on the chart's vertical axis: 0 (low) to 3 (extreme). */
export function levelRank(level: RiskLevel): number {
  return LEVEL_ORDER.indexOf(level);
}

/** Planned or in-progress measures whose due date is before `today` (both YYYY-MM-DD). */
export function isOverdue(
  measure: Pick<MeasureFields, 'dueOn' | 'status'>,
  todayValue: string,
): boolean {
  return (
    measure.dueOn !== null &&
    measure.dueOn < todayValue &&
    (measure.status === 'planned' || measure.status === 'in_progress')
  );
}

export const LEVEL_ORDER: readonly RiskLevel[] = ['low', 'medium', 'high', 'extreme'];
