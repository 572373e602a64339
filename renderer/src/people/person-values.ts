import { type Person, type PersonFields } from '../../../shared/contract/people';
import { pick } from '../records/values';

export const personFieldNames = [
  'name',
  'pseudonym',
  'genderIdentity',
  'ageRange',
  'ethnicIdentity',
  'country',
  'department',
  'municipality',
  'organization',
  'collectiveId',
  'movement',
  'rightsDefended',
  'contactChannels',
  'confidentiality',
] as const satisfies readonly (keyof PersonFields)[];

/** A new profile: nothing recorded yet, restricted until someone decides otherwise. */
export function emptyPerson(): PersonFields {
  return {
    name: null,
    pseudonym: null,
    genderIdentity: null,
    ageRange: null,
    ethnicIdentity: null,
    country: null,
    department: null,
    municipality: null,
    organization: null,
    collectiveId: null,
    movement: null,
    rightsDefended: [],
    contactChannels: [],
    confidentiality: 'restricted',
  };
}

export function personValues(person: Person): PersonFields {
  return pick(person, personFieldNames);
}
