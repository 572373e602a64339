import { type Database } from '../database/sqlite';

/**
 * SQLCipher's page cache while an exchange job reads or writes a whole vault. The usual 256 MB
 * (open-database.ts) pays off when the same pages are read again, as lists and searches do; a
 * job goes through most of a large vault once, and would fill all of it, which with the job's
 * own memory is more than a laptop should give one task.
 */
const JOB_CACHE_KIB = 8 * 1024;

const running = new WeakMap<Database, { jobs: number; before: Promise<number> }>();

async function lower(db: Database): Promise<number> {
  const row = await db.get('PRAGMA cache_size');
  await db.exec(`PRAGMA cache_size = -${JOB_CACHE_KIB}`);
  return Number(row?.['cache_size'] ?? -JOB_CACHE_KIB);
}

/** Run `work` with the small cache; the connection's own comes back after the last such job. */
export async function withJobCache<T>(db: Database, work: () => Promise<T>): Promise<T> {
  let state = running.get(db);
  if (!state) {
    state = { jobs: 0, before: lower(db) };
    running.set(db, state);
  }
  state.jobs += 1;
  const ran = state;
  try {
    await ran.before;
    return await work();
  } finally {
    ran.jobs -= 1;
    if (ran.jobs === 0) {
      running.delete(db);
      // Closed meanwhile (the vault locked): nothing to give back.
      const before = await ran.before.catch(() => null);
      if (before !== null) await db.exec(`PRAGMA cache_size = ${before}`).catch(() => undefined);
    }
  }
}
