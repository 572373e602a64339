import { type z } from 'zod';
import { vocabulary } from './define';

/** The typology of DOMAIN.md (IM-Defensoras registry). */
export const aggressionType = vocabulary([
  'harassment',
  'intimidation',
  'threat',
  'death_threat',
  'smear_campaign',
  'false_information',
  'surveillance',
  'criminalization',
  'arbitrary_detention',
  'excessive_force',
  'raid',
  'physical_assault',
  'sexual_violence',
  'sexual_harassment',
  'online_harassment',
  'account_hacking',
  'doxxing',
  'equipment_seizure',
  'forced_displacement',
  'disappearance',
  'attempted_killing',
  'killing',
  'aggression_against_close_person',
]);
export type AggressionType = z.infer<typeof aggressionType.schema>;

/** Several may apply to one aggression; none means no gender-specific dimension was recorded. */
export const genderComponent = vocabulary([
  'sexualized',
  'gender_role_stigma',
  'attack_on_children',
  'family_or_community_violence',
  'lgbti_phobia',
]);
export type GenderComponent = z.infer<typeof genderComponent.schema>;

export const aggressionScope = vocabulary(['personal', 'collective', 'organizational']);
export type AggressionScope = z.infer<typeof aggressionScope.schema>;

export const involvement = vocabulary([
  'direct',
  'ordered',
  'planned',
  'present',
  'passive_accomplice',
  'suspected',
  'failure_to_protect',
]);
export type Involvement = z.infer<typeof involvement.schema>;

/** How sure the date is. The stored date is always YYYY-MM-DD, unknown parts set to 01. */
export const datePrecision = vocabulary([
  'exact',
  'approximate',
  'day_unknown',
  'month_and_day_unknown',
]);
export type DatePrecision = z.infer<typeof datePrecision.schema>;

/** Whom the aggression reached: the defender herself or someone close to her. */
export const victimRole = vocabulary(['direct', 'close_person']);
export type VictimRole = z.infer<typeof victimRole.schema>;
