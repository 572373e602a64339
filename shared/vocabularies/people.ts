import { type z } from 'zod';
import { vocabulary } from './define';

export const rightDefended = vocabulary([
  'land_territory',
  'life_free_of_violence',
  'truth_justice_reparation',
  'freedom_of_expression',
  'sexual_reproductive_rights',
  'lgbti_rights',
  'labour_rights',
  'indigenous_peoples_rights',
  'migrants_rights',
]);
export type RightDefended = z.infer<typeof rightDefended.schema>;

export const genderIdentity = vocabulary([
  'woman',
  'trans_woman',
  'non_binary',
  'man',
  'trans_man',
  'other',
  'not_stated',
]);
export type GenderIdentity = z.infer<typeof genderIdentity.schema>;

export const ageRange = vocabulary([
  'under_18',
  'age_18_29',
  'age_30_44',
  'age_45_59',
  'age_60_plus',
  'unknown',
]);
export type AgeRange = z.infer<typeof ageRange.schema>;

/** How to reach a person. Every channel also carries its own `sensitive` flag. */
export const contactChannel = vocabulary([
  'phone',
  'signal',
  'whatsapp',
  'email',
  'social_media',
  'postal_address',
  'through_trusted_person',
  'other',
]);
export type ContactChannel = z.infer<typeof contactChannel.schema>;

export const collectiveKind = vocabulary(['collective', 'organization', 'community', 'network']);
export type CollectiveKind = z.infer<typeof collectiveKind.schema>;

export const consentScope = vocabulary([
  'statistical_registry',
  'internal_use',
  'share_with_allies',
  'litigation',
  'iachr',
  'protection_mechanism',
  'publication',
]);
export type ConsentScope = z.infer<typeof consentScope.schema>;

export const consentIdentity = vocabulary(['name', 'pseudonym', 'anonymous']);
export type ConsentIdentity = z.infer<typeof consentIdentity.schema>;

export const consentMethod = vocabulary([
  'written_in_person',
  'verbal_in_person',
  'phone_call',
  'secure_message',
  'through_third_party',
]);
export type ConsentMethod = z.infer<typeof consentMethod.schema>;
