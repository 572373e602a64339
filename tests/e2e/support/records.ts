import { type Urgency } from '../../../shared/vocabularies/case';
import { type HostProcess } from './host-process';

/** The fields a new case may set in a test; the rest are the blank defaults. */
export interface CaseFields {
  urgency?: Urgency;
  rightsAtStake?: string[];
}

/** Creates a case through the contract (not the form) and answers its id. */
export async function createCase(
  host: HostProcess,
  title: string,
  fields: CaseFields = {},
): Promise<string> {
  const created = (await host.ipc('cases.create', {
    title,
    status: 'open',
    urgency: fields.urgency ?? 'medium',
    rightsAtStake: fields.rightsAtStake ?? [],
    tags: [],
    confidentiality: 'internal',
    aggressions: [],
    sources: [],
  })) as { id: string };
  return created.id;
}
