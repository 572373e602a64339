import { type LockReason } from '../../shared/contract';
import { type Reply } from '../../shared/errors';
import { type Language } from '../../shared/preferences';
import { type EvidenceOptions } from '../handlers/evidence-handlers';
import { type ExchangeOptions } from '../handlers/exchange-handlers';
import { type KdfParams } from '../vault/kdf';
import { type IdleProbe, type LockWatch } from '../lock/lock-watch';
import { type CoreAdapters } from './adapters';

export interface CoreOptions {
  /** Folder holding the vault file, the database and the device preferences. */
  dataDir: string;
  adapters: CoreAdapters;
  /** Language when the user has not chosen one (from the OS locale). */
  defaultLanguage: Language;
  /** Argon2id cost for new key slots; tests pass the minimum to stay fast. */
  kdf?: KdfParams;
  /** Tests only: how exports behave on disk (a slow drive, a small split size). */
  exchange?: ExchangeOptions;
  /** Tests only: how evidence jobs behave (a slow drive). */
  evidence?: EvidenceOptions;
}

export interface Core {
  /** Validate and run one request from the renderer. Never throws. */
  dispatch(operation: unknown, input: unknown): Promise<Reply<unknown>>;
  /** Lock now: drop every key and close the database; emits `vault.locked`. */
  lock(reason: LockReason): Promise<void>;
  /** Poll the probe; lock when the screen locks or after the user's idle minutes (lock/lock-watch). */
  watchIdle(probe: IdleProbe, intervalMs?: number): LockWatch;
  /** Close the database (app quit). */
  close(): Promise<void>;
}

export { createCore } from './core';
