import { type z } from 'zod';
import { vocabulary } from './define';

export const perpetratorType = vocabulary([
  'public_authority',
  'police',
  'armed_forces',
  'judiciary',
  'company',
  'organized_crime',
  'anti_rights_group',
  'media',
  'community',
  'family_or_partner',
  'own_movement',
  'unknown_offline',
  'unknown_online',
]);
export type PerpetratorType = z.infer<typeof perpetratorType.schema>;

export type ActorKind = 'state' | 'non_state';

/**
 * The state is the largest single perpetrator: reports count state and non-state actors apart.
 * Unknown perpetrators count as non-state until identified. Typed as a full record, so a new code
 * without a flag does not compile.
 */
export const perpetratorActorKind: Record<PerpetratorType, ActorKind> = {
  public_authority: 'state',
  police: 'state',
  armed_forces: 'state',
  judiciary: 'state',
  company: 'non_state',
  organized_crime: 'non_state',
  anti_rights_group: 'non_state',
  media: 'non_state',
  community: 'non_state',
  family_or_partner: 'non_state',
  own_movement: 'non_state',
  unknown_offline: 'non_state',
  unknown_online: 'non_state',
};
