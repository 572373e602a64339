import { AppFailure } from '../../shared/errors';
import { type CoreContext } from '../core/context';
import { type Session } from '../core/session';
import { openDatabase } from '../database/open-database';
import { sweepSpool } from '../exchange/import-spool';
import { readOffice } from '../repositories/office-repository';

/**
 * Try one way in under the persisted throttle: a wrong secret adds to the wait, which survives a
 * restart. `tryKey` throws `wrong_secret` when the secret does not open its slot.
 */
export async function throttledKeyAttempt(
  context: CoreContext,
  tryKey: () => Promise<Buffer>,
): Promise<Buffer> {
  const wait = await context.throttle.remainingDelay();
  if (wait > 0) throw new AppFailure('throttled', { retryAfterMs: wait });
  try {
    const key = await tryKey();
    await context.throttle.recordSuccess();
    return key;
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'wrong_secret') {
      const retryAfterMs = await context.throttle.recordFailure();
      throw new AppFailure('wrong_secret', { retryAfterMs });
    }
    throw error;
  }
}

export async function startSession(context: CoreContext, databaseKey: Buffer): Promise<Session> {
  try {
    const db = await openDatabase(context.paths.databaseFile, databaseKey);
    const office = await readOffice(db);
    const session: Session = { db, databaseKey, ...office, pendingRecoveryKey: null };
    // A copy left by a killed process (or a lock that could not remove it) goes before any
    // request can use the session.
    await sweepSpool(context.paths.dir).catch(() => undefined);
    context.session = session;
    return session;
  } catch (error) {
    databaseKey.fill(0);
    throw error;
  }
}
