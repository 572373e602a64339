import { type z } from 'zod';
import { vocabulary } from './define';

export const confidentiality = vocabulary(['public', 'internal', 'restricted']);
export type Confidentiality = z.infer<typeof confidentiality.schema>;

export const caseStatus = vocabulary(['open', 'monitoring', 'closed']);
export type CaseStatus = z.infer<typeof caseStatus.schema>;

/** In rising order: the list sorts by this order, not alphabetically. */
export const urgency = vocabulary(['low', 'medium', 'high', 'critical']);
export type Urgency = z.infer<typeof urgency.schema>;

export const responseType = vocabulary([
  'urgent_alert',
  'accompaniment',
  'temporary_relocation',
  'legal_action',
  'prosecutor_complaint',
  'protection_mechanism_request',
  'iachr_precautionary_measures',
  'medical_care',
  'psychosocial_support',
  'public_statement',
  'respite_stay',
]);
export type ResponseType = z.infer<typeof responseType.schema>;

export const reliability = vocabulary([
  'highly_reliable',
  'likely_reliable',
  'unsure',
  'likely_unreliable',
  'highly_unreliable',
  'unknown',
]);
export type Reliability = z.infer<typeof reliability.schema>;

/** How the information reached the office. */
export const sourceChannel = vocabulary([
  'direct_testimony',
  'network_member',
  'allied_organization',
  'media_report',
  'social_media',
  'official_document',
  'other',
]);
export type SourceChannel = z.infer<typeof sourceChannel.schema>;

/** What happened to a piece of evidence: the chain of custody. */
export const custodyAction = vocabulary([
  'intake',
  'decrypted_copy',
  'preview',
  'export',
  'import',
]);
export type CustodyAction = z.infer<typeof custodyAction.schema>;
