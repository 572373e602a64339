import { type Input, type OperationName } from '../../../shared/contract';

type RiskOperation = Extract<OperationName, `${'risk' | 'plans' | 'dashboard'}.${string}`>;

const ID = '5a1c7e2b-8d3f-4e6a-9b0c-1d2e3f4a5b6c';

export const threatSample = {
  description: 'Mensaje anónimo: «deja de ir a la asamblea o te vas a arrepentir»',
  perpetratorType: 'company',
  means: 'text_message',
  aggressionIds: [],
  likelihood: 4,
  impact: 5,
  analysis: {
    facts: 'Llegó al teléfono personal el 14 de marzo, a las 23 h.',
    pattern: 'Tercer mensaje tras cada asamblea sobre el parque eólico.',
    objective: 'Que deje de convocar asambleas.',
    source: 'Probablemente seguridad privada de la empresa.',
    feasibility: 'Puede cumplirse: ya la siguieron en motocicleta.',
  },
} satisfies Input<'risk.create'>['threats'][number];

export const assessmentSample = {
  personId: ID,
  collectiveId: null,
  assessedOn: '2026-03-16',
  assessor: 'Coordinación de protección',
  kind: 'immediate',
  context: 'Oposición comunitaria a un parque eólico en el Istmo.',
  allies: 'Radio comunitaria, red nacional de defensoras.',
  adversaries: 'Empresa concesionaria, autoridades municipales.',
  threats: [threatSample],
  vulnerabilities: [
    { area: 'location_physical', description: 'Vive sola, sin transporte seguro', rating: 3 },
    { area: 'communications_digital', description: 'Teléfono sin cifrado', rating: 1 },
  ],
  capacities: [
    { area: 'organization_networks', description: 'Red activa que responde de noche', rating: 2 },
  ],
  selfCare: {
    body: 'Duerme mal desde las amenazas.',
    emotions: 'Miedo, sobre todo por sus hijas.',
    rest: 'No ha tenido descanso en dos meses.',
    supportNetwork: 'Su hermana y dos compañeras de la colectiva.',
  },
  override: null,
  reviewTriggers: [],
} satisfies Input<'risk.create'>;

export const measureSample = {
  category: 'psychosocial_selfcare',
  description: 'Estancia de dos semanas en casa de respiro',
  responsible: 'Área psicosocial',
  dueOn: '2026-04-01',
  status: 'planned',
} satisfies Omit<Input<'plans.addMeasure'>, 'assessmentId'>;

/** One valid request per risk, plan and dashboard operation, spread into the contract test. */
export const riskSamples: { [O in RiskOperation]: Input<O> } = {
  'risk.create': assessmentSample,
  'risk.update': { id: ID, override: { level: 'high', reason: 'Fuente ya detenida' } },
  'risk.get': { id: ID },
  'risk.listForPerson': { personId: ID },
  'risk.reassess': { id: ID, assessedOn: '2026-04-15', assessor: 'Coordinación de protección' },
  'risk.delete': { id: ID },
  'plans.addMeasure': { assessmentId: ID, ...measureSample },
  'plans.updateMeasure': { id: ID, status: 'done' },
  'plans.deleteMeasure': { id: ID },
  'dashboard.summary': { from: '2026-01-01', to: '2026-12-31' },
};
