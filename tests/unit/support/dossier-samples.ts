import { type Input, type OperationName } from '../../../shared/contract';

type DossierOperation = Extract<OperationName, `${'dossiers' | 'statistics'}.${string}`>;

const ID = '5d2c7b9a-1e4f-4a3b-9c8d-7e6f5a4b3c2d';

const spec = {
  subject: { caseId: ID },
  template: 'iachr',
  language: 'es',
  redaction: { pseudonymize: [ID], includeContacts: false, includeExactPlaces: false },
} satisfies Input<'dossiers.check'>;

/** One valid request per dossier and statistics operation, for the contract test. */
export const dossierSamples: { [O in DossierOperation]: Input<O> } = {
  'dossiers.check': spec,
  'dossiers.generate': {
    ...spec,
    request: {
      summary: 'Amenazas de muerte reiteradas.',
      measuresRequested: 'Protección policial.',
      workRiskLink: 'Defiende el territorio.',
      context: '',
    },
    to: { passphrase: 'una frase larga y rara' },
  },
  'statistics.summary': { from: '2025-01-01', to: '2025-12-31' },
  'statistics.export': { from: '2025-01-01', language: 'en' },
};
