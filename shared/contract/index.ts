import { type z } from 'zod';
import { auditOperations } from './audit';
import { casePartOperations } from './case-parts';
import { caseOperations } from './cases';
import { exchangeOperations } from './exchange';
import { dashboardOperations } from './dashboard';
import { dossierOperations } from './dossiers';
import { draftOperations } from './drafts';
import { driveOperations } from './drives';
import { evidenceOperations } from './evidence';
import { peopleOperations } from './people';
import { preferenceOperations } from './preferences';
import { riskOperations } from './risk';
import { statisticsOperations } from './statistics';
import { vaultOperations } from './vault';

/**
 * The one IPC contract: operation name (domain.verb) → zod schemas of its request and response.
 * Main validates every request against it; the renderer's client is typed from it.
 */
export const contract = {
  ...vaultOperations,
  ...preferenceOperations,
  ...peopleOperations,
  ...caseOperations,
  ...casePartOperations,
  ...auditOperations,
  ...exchangeOperations,
  ...driveOperations,
  ...evidenceOperations,
  ...draftOperations,
  ...riskOperations,
  ...dashboardOperations,
  ...dossierOperations,
  ...statisticsOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type Input<O extends OperationName> = z.infer<Contract[O]['input']>;
export type Output<O extends OperationName> = z.infer<Contract[O]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** What the preload exposes on `window.resguardo`, and what the test host's bridge imitates. */
export interface Bridge {
  invoke(operation: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export { events, eventNames, type EventName, type EventPayload, type LockReason } from './events';
