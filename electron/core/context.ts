import { type LockReason } from '../../shared/contract';
import { AppFailure } from '../../shared/errors';
import { type PreferencesStore } from '../preferences/preferences-store';
import { type KdfParams } from '../vault/kdf';
import { type UnlockThrottle } from '../vault/unlock-throttle';
import { type VaultPaths } from '../vault/vault-paths';
import { type CoreAdapters } from './adapters';
import { type Session } from './session';

/** What every handler map is given: paths, adapters and the one live session. */
export interface CoreContext {
  paths: VaultPaths;
  kdf: KdfParams;
  adapters: CoreAdapters;
  preferences: PreferencesStore;
  throttle: UnlockThrottle;
  session: Session | null;
  /** Run vault-changing work one at a time. */
  serial<T>(job: () => Promise<T>): Promise<T>;
  lock(reason: LockReason): Promise<void>;
  /** Run `hook` each time a session ends (lock, quit), after the database closed. */
  onSessionEnd(hook: (session: Session) => Promise<void>): void;
}

export function requireSession(context: CoreContext): Session {
  if (!context.session) throw new AppFailure('locked');
  return context.session;
}
