import { type Input, type OperationName } from '../../../shared/contract';

type ExchangeOperation = Extract<
  OperationName,
  `${'office' | 'partners' | 'exchange' | 'drives'}.${string}`
>;

const FINGERPRINT = 'a'.repeat(64);
const ID = '3f2b8c1d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** One valid request per exchange operation, spread into the contract test's samples. */
export const exchangeSamples: { [O in ExchangeOperation]: Input<O> } = {
  'office.card': {},
  'office.saveCard': {},
  'office.copyCard': {},
  'partners.importCard': { text: '{"format":"resguardo-office-card"}' },
  'partners.list': {},
  'partners.verify': { fingerprint: FINGERPRINT },
  'partners.rename': { fingerprint: FINGERPRINT, name: 'Oficina Tegucigalpa' },
  'partners.remove': { fingerprint: FINGERPRINT },
  'exchange.prepare': {},
  'exchange.exportCheck': { scope: { caseIds: [ID] } },
  'exchange.provenance': { kind: 'cases', id: ID },
  'exchange.export': { jobId: ID, scope: { caseIds: [ID] }, to: { partners: [FINGERPRINT] } },
  'exchange.cancel': { jobId: ID },
  'exchange.preview': { passphrase: 'una frase larga y rara' },
  'exchange.apply': { importId: ID, acceptUnverified: false },
  'exchange.discard': { importId: ID },
  'exchange.conflicts': {},
  'exchange.conflict': { conflictId: ID },
  'exchange.recordHistory': { kind: 'cases', id: ID },
  'exchange.resolveConflict': { conflictId: ID, keep: 'incoming' },
  'drives.list': {},
  'drives.files': { drive: '0123456789abcdef' },
};
