import { type z } from 'zod';
import { type Collective, type collectiveFields } from '../../../shared/contract/people';

export type CollectiveValues = z.infer<typeof collectiveFields>;

export const collectiveFieldNames = [
  'name',
  'kind',
  'country',
  'department',
  'municipality',
  'rightsDefended',
  'description',
  'confidentiality',
] as const satisfies readonly (keyof CollectiveValues)[];

export function emptyCollective(): CollectiveValues {
  return {
    name: '',
    kind: 'collective',
    country: null,
    department: null,
    municipality: null,
    rightsDefended: [],
    description: '',
    confidentiality: 'restricted',
  };
}

export function collectiveValues(collective: Collective): CollectiveValues {
  return {
    name: collective.name,
    kind: collective.kind,
    country: collective.country,
    department: collective.department,
    municipality: collective.municipality,
    rightsDefended: collective.rightsDefended,
    description: collective.description,
    confidentiality: collective.confidentiality,
  };
}
