import { type z } from 'zod';
import { vocabulary } from './define';

/** In rising order: charts and sorting use this order, never the alphabet. */
export const riskLevel = vocabulary(['low', 'medium', 'high', 'extreme']);
export type RiskLevel = z.infer<typeof riskLevel.schema>;

/** DOMAIN.md, "A form": an urgent first look, the regular study, or a scheduled review. */
export const assessmentKind = vocabulary(['immediate', 'ordinary', 'review']);
export type AssessmentKind = z.infer<typeof assessmentKind.schema>;

/**
 * The eight areas in which vulnerabilities and capacities are rated (DOMAIN.md: "this is the full
 * list of areas"). One factor can be a vulnerability in one assessment and a capacity in the next.
 */
export const riskArea = vocabulary([
  'location_physical',
  'communications_digital',
  'legal_judicial',
  'economic',
  'organization_networks',
  'family_community_care',
  'health_wellbeing',
  'gender_intersectional',
]);
export type RiskArea = z.infer<typeof riskArea.schema>;

/** How a threat reached her: patterns across threats are often in the means (step 2). */
export const threatMeans = vocabulary([
  'in_person',
  'phone_call',
  'text_message',
  'social_media',
  'written_note',
  'through_third_party',
  'symbolic_act',
  'other',
]);
export type ThreatMeans = z.infer<typeof threatMeans.schema>;

/** Integral protection: self-care and collective care sit next to physical and legal measures. */
export const measureCategory = vocabulary([
  'physical',
  'digital',
  'legal',
  'advocacy',
  'psychosocial_selfcare',
  'accompaniment_network',
  'relocation',
]);
export type MeasureCategory = z.infer<typeof measureCategory.schema>;

export const measureStatus = vocabulary(['planned', 'in_progress', 'done', 'dropped']);
export type MeasureStatus = z.infer<typeof measureStatus.schema>;

/** Events after which an assessment is reviewed at once, whatever its date says. */
export const reviewTrigger = vocabulary(['new_aggression', 'threat_to_relatives', 'case_change']);
export type ReviewTrigger = z.infer<typeof reviewTrigger.schema>;
