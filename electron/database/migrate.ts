import { createHash } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { type Migration } from './migrations';
import { type Database } from './sqlite';

export function migrationHash(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export async function schemaVersion(db: Database): Promise<number> {
  const row = await db.get('PRAGMA user_version');
  return Number(row?.['user_version'] ?? 0);
}

/**
 * Apply every migration newer than the database, each in its own transaction together with its
 * record and the new `user_version`. Refuses a database newer than this app (left untouched)
 * and one whose applied migrations were edited since.
 */
export async function migrate(db: Database, list: readonly Migration[]): Promise<number> {
  const latest = list.at(-1)?.version ?? 0;
  const current = await schemaVersion(db);
  if (current > latest) throw new AppFailure('database_too_new');
  await verifyApplied(db, list, current);
  for (const migration of list) {
    if (migration.version <= current) continue;
    await db.transaction(async (tx) => {
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      await tx.exec(migration.sql);
      await tx.run(
        'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
        [migration.version, migration.name, migrationHash(migration), new Date().toISOString()],
      );
      // Integer from our own list, never from input: safe to inline (PRAGMA takes no parameters).
      await tx.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
    });
  }
  return latest;
}

async function verifyApplied(
  db: Database,
  list: readonly Migration[],
  current: number,
): Promise<void> {
  if (current === 0) return;
  const rows = await db.all('SELECT version, sha256 FROM schema_migrations ORDER BY version');
  for (const migration of list.filter((m) => m.version <= current)) {
    const row = rows.find((r) => r['version'] === migration.version);
    if (!row || row['sha256'] !== migrationHash(migration)) {
      throw new AppFailure('database_corrupt');
    }
  }
}
