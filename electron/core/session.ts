import { type Database } from '../database/sqlite';

/** Everything that exists only while the vault is unlocked. Dropped whole on lock. */
export interface Session {
  db: Database;
  databaseKey: Buffer;
  officeName: string;
  displayName: string;
  /** A recovery key shown to the user but not yet confirmed as stored; kept only until then. */
  pendingRecoveryKey: string | null;
}

export async function endSession(session: Session): Promise<void> {
  session.pendingRecoveryKey = null;
  try {
    await session.db.close();
  } finally {
    session.databaseKey.fill(0);
  }
}
