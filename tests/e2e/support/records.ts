import { type Urgency } from '../../../shared/vocabularies/case';
import { aggressionSample } from '../../unit/support/record-samples';
import { type HostProcess } from './host-process';

/** The fields a new case may set in a test; the rest are the blank defaults. */
export interface CaseFields {
  urgency?: Urgency;
  rightsAtStake?: string[];
}

/** What `cases.create` takes for a new open case: the given fields, the rest blank. */
export function newCaseInput(title: string, fields: CaseFields = {}) {
  return {
    title,
    status: 'open',
    urgency: fields.urgency ?? 'medium',
    rightsAtStake: fields.rightsAtStake ?? [],
    tags: [],
    confidentiality: 'internal',
    aggressions: [],
    sources: [],
  };
}

/** Creates a case through the contract (not the form) and answers its id. */
export async function createCase(
  host: HostProcess,
  title: string,
  fields: CaseFields = {},
): Promise<string> {
  const created = (await host.ipc('cases.create', newCaseInput(title, fields))) as { id: string };
  return created.id;
}

/** A defender's fields, with one sensitive phone number. */
export function personFields(name: string, pseudonym: string | null) {
  return {
    name,
    pseudonym,
    genderIdentity: null,
    ageRange: null,
    ethnicIdentity: null,
    country: 'MX',
    department: 'Oaxaca',
    municipality: 'Juchitán de Zaragoza',
    organization: null,
    collectiveId: null,
    movement: null,
    rightsDefended: [],
    contactChannels: [{ kind: 'phone', value: '+52 971 555 0101', sensitive: true }],
    confidentiality: 'restricted',
  };
}

export async function createPerson(
  host: HostProcess,
  name: string,
  pseudonym: string | null = null,
): Promise<string> {
  const created = (await host.ipc('people.create', personFields(name, pseudonym))) as {
    id: string;
  };
  return created.id;
}

/** A death threat against `personId` in the case; `fields` replace the defaults. */
export async function addAggression(
  host: HostProcess,
  caseId: string,
  personId: string,
  fields: Record<string, unknown> = {},
): Promise<void> {
  await host.ipc('aggressions.add', {
    ...aggressionSample,
    caseId,
    types: ['death_threat'],
    genderComponents: [],
    narrative: '',
    victims: [{ personId, collectiveId: null, role: 'direct' }],
    perpetrators: [],
    ...fields,
  });
}
