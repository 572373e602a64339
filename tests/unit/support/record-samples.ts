import { type Input, type OperationName } from '../../../shared/contract';

type RecordDomain =
  | 'people'
  | 'collectives'
  | 'consents'
  | 'cases'
  | 'aggressions'
  | 'sources'
  | 'responses'
  | 'notes'
  | 'audit'
  | 'evidence';

export type RecordOperation = Extract<OperationName, `${RecordDomain}.${string}`>;

const ID = '0b6f2d1e-4c3a-4b8e-9f1a-2d3c4b5a6e7f';
const OTHER_ID = '7c1d9e2f-3a4b-4c5d-8e6f-a1b2c3d4e5f6';

export const personSample = {
  name: 'Rosa Itzel Méndez',
  pseudonym: 'Xochitl',
  genderIdentity: 'woman',
  ageRange: 'age_30_44',
  ethnicIdentity: 'zapoteca',
  country: 'MX',
  department: 'Oaxaca',
  municipality: 'Juchitán de Zaragoza',
  organization: 'Colectiva Guiigu',
  collectiveId: null,
  movement: 'Defensa del territorio',
  rightsDefended: ['land_territory', 'indigenous_peoples_rights'],
  contactChannels: [{ kind: 'signal', value: '+52 971 000 0000', sensitive: true }],
  confidentiality: 'restricted',
} satisfies Input<'people.create'>;

export const aggressionSample = {
  occurredOn: '2026-03-14',
  datePrecision: 'exact',
  country: 'MX',
  department: 'Oaxaca',
  municipality: 'Juchitán de Zaragoza',
  exactPlace: null,
  scope: 'personal',
  types: ['death_threat', 'surveillance'],
  genderComponents: ['sexualized'],
  narrative: 'Dos hombres en motocicleta la siguieron desde la radio comunitaria.',
  victims: [],
  perpetrators: [
    { type: 'company', identified: false, description: 'Hombres armados', involvement: 'direct' },
  ],
} satisfies Omit<Input<'aggressions.add'>, 'caseId'>;

export const caseSample = {
  title: 'Amenazas a defensora del territorio en el Istmo',
  status: 'open',
  urgency: 'high',
  rightsAtStake: ['land_territory'],
  tags: ['istmo', 'eólicas'],
  confidentiality: 'internal',
} satisfies Omit<Input<'cases.create'>, 'aggressions' | 'sources'>;

export const responseSample = {
  type: 'protection_mechanism_request',
  doneOn: '2026-03-16',
  responsible: 'Equipo jurídico',
  outcome: 'Solicitud admitida',
  followUpOn: '2026-04-01',
  reference: 'MPDDHP/2026/0142',
} satisfies Omit<Input<'responses.add'>, 'caseId'>;

export const sourceSample = {
  channel: 'direct_testimony',
  description: 'Llamada de la defensora',
  receivedOn: '2026-03-15',
  reliability: 'highly_reliable',
} satisfies Omit<Input<'sources.add'>, 'caseId'>;

/** One valid request per case-record operation, spread into the contract test's samples. */
export const recordSamples: { [O in RecordOperation]: Input<O> } = {
  'people.create': personSample,
  'people.update': { id: ID, pseudonym: 'Xochi' },
  'people.get': { id: ID },
  'people.list': { text: 'rosa', limit: 50, offset: 0 },
  'people.delete': { id: ID },
  'collectives.create': {
    name: 'Colectiva Guiigu',
    kind: 'collective',
    country: 'MX',
    department: 'Oaxaca',
    municipality: null,
    rightsDefended: ['land_territory'],
    description: '',
    confidentiality: 'internal',
  },
  'collectives.update': { id: ID, name: 'Colectiva Guiigu Xhono' },
  'collectives.get': { id: ID },
  'collectives.list': { limit: 50, offset: 0 },
  'collectives.delete': { id: ID },
  'consents.add': {
    personId: ID,
    collectiveId: null,
    scope: 'protection_mechanism',
    identity: 'pseudonym',
    givenOn: '2026-03-15',
    method: 'verbal_in_person',
    notes: '',
  },
  'consents.revoke': { id: ID },
  'consents.list': { personId: ID },
  'cases.create': { ...caseSample, aggressions: [aggressionSample], sources: [sourceSample] },
  'cases.update': { id: ID, status: 'monitoring' },
  'cases.get': { id: ID },
  'cases.delete': { id: ID },
  'cases.list': {
    country: 'GT',
    status: ['open'],
    sort: 'last_aggression',
    direction: 'desc',
    limit: 50,
    offset: 0,
  },
  'cases.count': { aggressionType: 'criminalization', dateFrom: '2025-01-01' },
  'cases.search': { query: 'radio comunitaria', limit: 20 },
  'cases.timeline': { id: ID },
  'aggressions.add': { caseId: ID, ...aggressionSample },
  'aggressions.update': { id: ID, narrative: 'Texto corregido' },
  'aggressions.delete': { id: ID },
  'sources.add': { caseId: ID, ...sourceSample },
  'sources.update': { id: ID, reliability: 'unsure' },
  'sources.delete': { id: ID },
  'responses.add': { caseId: ID, ...responseSample },
  'responses.update': { id: ID, outcome: 'Medidas otorgadas' },
  'responses.delete': { id: ID },
  'notes.add': { caseId: ID, body: 'Llamar el lunes.' },
  'audit.history': { entityId: OTHER_ID },
  'audit.verify': {},
  'evidence.chooseFiles': {},
  'evidence.intake': { caseId: ID, token: OTHER_ID, description: 'Captura del mensaje' },
  'evidence.cancelIntake': { token: OTHER_ID },
  'evidence.list': { caseId: ID },
  'evidence.saveCopy': { id: ID, token: OTHER_ID },
  'evidence.cancelCopy': { token: OTHER_ID },
  'evidence.preview': { id: ID },
  'evidence.custody': { id: ID },
  'evidence.delete': { id: ID },
};
