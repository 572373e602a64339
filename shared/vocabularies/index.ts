import {
  aggressionScope,
  aggressionType,
  datePrecision,
  genderComponent,
  involvement,
  victimRole,
} from './aggression';
import {
  caseStatus,
  confidentiality,
  custodyAction,
  reliability,
  responseType,
  sourceChannel,
  urgency,
} from './case';
import { country } from './countries';
import {
  ageRange,
  collectiveKind,
  consentIdentity,
  consentMethod,
  consentScope,
  contactChannel,
  genderIdentity,
  rightDefended,
} from './people';
import { perpetratorType } from './perpetrator';
import {
  assessmentKind,
  measureCategory,
  measureStatus,
  reviewTrigger,
  riskArea,
  riskLevel,
  threatMeans,
} from './risk';

export * from './aggression';
export * from './case';
export * from './countries';
export * from './people';
export * from './perpetrator';
export * from './risk';

/**
 * Every vocabulary by name → its codes, JSON-friendly: the renderer's tests check that each
 * `vocab.<name>.<code>` has an es and an en label.
 */
export const vocabularies = {
  aggression_type: aggressionType.codes,
  gender_component: genderComponent.codes,
  aggression_scope: aggressionScope.codes,
  involvement: involvement.codes,
  date_precision: datePrecision.codes,
  victim_role: victimRole.codes,
  perpetrator_type: perpetratorType.codes,
  right_defended: rightDefended.codes,
  gender_identity: genderIdentity.codes,
  age_range: ageRange.codes,
  contact_channel: contactChannel.codes,
  collective_kind: collectiveKind.codes,
  consent_scope: consentScope.codes,
  consent_identity: consentIdentity.codes,
  consent_method: consentMethod.codes,
  confidentiality: confidentiality.codes,
  case_status: caseStatus.codes,
  urgency: urgency.codes,
  response_type: responseType.codes,
  reliability: reliability.codes,
  source_channel: sourceChannel.codes,
  custody_action: custodyAction.codes,
  country: country.codes,
  risk_level: riskLevel.codes,
  assessment_kind: assessmentKind.codes,
  risk_area: riskArea.codes,
  threat_means: threatMeans.codes,
  measure_category: measureCategory.codes,
  measure_status: measureStatus.codes,
  review_trigger: reviewTrigger.codes,
} as const satisfies Record<string, readonly string[]>;

export type VocabularyName = keyof typeof vocabularies;
export const vocabularyNames = Object.keys(vocabularies) as VocabularyName[];
