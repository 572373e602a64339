import { AppFailure } from '../../shared/errors';
import { migrate, schemaVersion } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';
import { type DriverName } from './driver-choice';
import { Database } from './sqlite';

/** 256 MB page cache: decrypting pages dominates cold reads (see FACTS: 3–4× slower with 2 MB). */
const CACHE_SIZE_KIB = 256 * 1024;

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Which SQLCipher driver (driver-choice.ts picks it when absent). */
  driver?: DriverName;
}

/**
 * Open (or create) the SQLCipher database under a raw 256-bit key, refuse a wrong key or a
 * database newer than this app before anything is written, then set the pragmas and migrate.
 */
export async function openDatabase(
  file: string,
  key: Buffer,
  options: OpenOptions = {},
): Promise<Database> {
  const list = options.migrations ?? allMigrations;
  if (key.length !== 32) throw new AppFailure('internal');
  const db = await Database.open(file, options.driver);
  try {
    await db.key(key);
    await assertEncrypted(db);
    // No `cipher_memory_security`: it mlock()s every allocation, so memory mappings grow with the
    // page cache (~2.6 per demo case) until vm.max_map_count (65530) is exhausted and the
    // process dies (measured at ~25 000 cases), and it made writes ~5x slower. The key is still
    // wiped on lock (endSession) and the database closed.
    await assertKeyOpens(db);
    const latest = list.at(-1)?.version ?? 0;
    if ((await schemaVersion(db)) > latest) throw new AppFailure('database_too_new');
    await db.exec(`
      PRAGMA secure_delete = ON;
      PRAGMA foreign_keys = ON;
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA temp_store = MEMORY;
      PRAGMA cache_size = -${CACHE_SIZE_KIB};
    `);
    await migrate(db, list);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A driver built without SQLCipher would take `PRAGMA key` silently and write every record in
 * the clear: without a cipher version, refuse to open at all.
 */
async function assertEncrypted(db: Database): Promise<void> {
  const row = await db.get('PRAGMA cipher_version');
  const version = row?.['cipher_version'];
  if (typeof version !== 'string' || version.trim() === '') throw new AppFailure('internal');
}

async function assertKeyOpens(db: Database): Promise<void> {
  try {
    await db.get('SELECT count(*) AS n FROM sqlite_master');
  } catch {
    // SQLCipher answers "file is not a database" for a wrong key and for a damaged file alike.
    throw new AppFailure('database_corrupt');
  }
}
