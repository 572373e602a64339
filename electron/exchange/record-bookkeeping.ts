import { type Queryable, type SqlValue } from '../database/sqlite';
import { batches } from './exchange-records';
import { isNoticeKind } from './manifest';
import { nextVector, parseVector, type Vector, vectorText } from './version-vectors';

/**
 * What an exchange notes beside the records: the version last shared with each office (its
 * base) and where each imported record came from. Written many rows per statement: an export
 * or import of everything touches every record, and one statement a row is most of its time.
 */

/** Rows per statement: at most 7 parameters each, far below SQLite's limit. */
const ROWS_PER_STATEMENT = 200;

const rowsOf = (count: number, width: number) =>
  Array.from(
    { length: count },
    () => `(${Array.from({ length: width }, () => '?').join(', ')})`,
  ).join(', ');

export interface SharedVersion {
  kind: string;
  id: string;
  hash: string;
}

/**
 * These versions as now shared with `office`. That office holds them again, so a notice saying it
 * deleted one (deletion-notices.ts) no longer holds: `notices: false` when the caller knows there
 * is none from that office.
 */
export async function writeBases(
  tx: Queryable,
  office: string,
  versions: readonly SharedVersion[],
  notices = true,
): Promise<void> {
  for (const batch of batches(versions, ROWS_PER_STATEMENT)) {
    await tx.run(
      `INSERT INTO exchange_bases (office, kind, record_id, hash) VALUES ${rowsOf(batch.length, 4)}
       ON CONFLICT(office, kind, record_id) DO UPDATE SET hash = excluded.hash`,
      batch.flatMap((v) => [office, v.kind, v.id, v.hash]),
    );
  }
  if (!notices) return;
  for (const { kind, id } of versions) {
    if (!isNoticeKind(kind)) continue;
    await tx.run(
      'DELETE FROM exchange_deletion_notices WHERE office = ? AND kind = ? AND record_id = ?',
      [office, kind, id],
    );
  }
}

export function writeBase(tx: Queryable, office: string, kind: string, id: string, hash: string) {
  return writeBases(tx, office, [{ kind, id, hash }]);
}

/** Whether `office` told us of any deletion still standing (most often none: nothing to clear). */
export async function hasNoticesFrom(db: Queryable, office: string): Promise<boolean> {
  const row = await db.get('SELECT 1 FROM exchange_deletion_notices WHERE office = ? LIMIT 1', [
    office,
  ]);
  return row !== undefined;
}

export interface Origin {
  office: string;
  officeName: string;
  exportedAt: string;
  importId: string;
  at: string;
}

/** These records now come from `origin` (the latest import that wrote each). */
export async function writeOrigins(
  tx: Queryable,
  records: readonly { kind: string; id: string }[],
  origin: Origin,
): Promise<void> {
  for (const batch of batches(records, ROWS_PER_STATEMENT)) {
    const params: SqlValue[] = batch.flatMap((r) => [
      r.kind,
      r.id,
      origin.office,
      origin.officeName,
      origin.exportedAt,
      origin.at,
      origin.importId,
    ]);
    await tx.run(
      `INSERT INTO record_origins (kind, record_id, office, office_name, exported_at, imported_at,
         import_id) VALUES ${rowsOf(batch.length, 7)}
       ON CONFLICT(kind, record_id) DO UPDATE SET office = excluded.office,
         office_name = excluded.office_name, exported_at = excluded.exported_at,
         imported_at = excluded.imported_at, import_id = excluded.import_id`,
      params,
    );
  }
}

/** The version of a record this office holds (or deleted: `hash` null), and its history. */
export interface Known {
  hash: string | null;
  vector: Vector;
  /** The version held reads exactly as this older one (a conflict settled taking one side). */
  sameAs?: Vector | null;
}
export interface KnownRow extends Known {
  kind: string;
  id: string;
}

/** What record_versions says of these records of `kind`, by id (a batch of rows per query). */
export async function knownVersions(
  db: Queryable,
  kind: string,
  ids: readonly string[],
): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  for (const batch of batches(ids, 500)) {
    const rows = await db.all(
      `SELECT record_id, hash, vector, same_as FROM record_versions
        WHERE kind = ? AND record_id IN (${batch.map(() => '?').join(', ')})`,
      [kind, ...batch],
    );
    for (const row of rows) {
      known.set(String(row['record_id']), {
        hash: row['hash'] === null ? null : String(row['hash']),
        vector: parseVector(String(row['vector'])),
        sameAs: typeof row['same_as'] === 'string' ? parseVector(row['same_as']) : null,
      });
    }
  }
  return known;
}

export async function knownVersion(db: Queryable, kind: string, id: string) {
  return (await knownVersions(db, kind, [id])).get(id) ?? null;
}

/** These versions are now the ones held here (or deleted here, `hash` null). */
export async function writeKnown(tx: Queryable, rows: readonly KnownRow[]): Promise<void> {
  for (const batch of batches(rows, ROWS_PER_STATEMENT)) {
    await tx.run(
      `INSERT INTO record_versions (kind, record_id, hash, vector, same_as)
       VALUES ${rowsOf(batch.length, 5)}
       ON CONFLICT(kind, record_id) DO UPDATE SET hash = excluded.hash, vector = excluded.vector,
         same_as = excluded.same_as`,
      batch.flatMap((r) => [
        r.kind,
        r.id,
        r.hash,
        vectorText(r.vector),
        r.sameAs ? vectorText(r.sameAs) : null,
      ]),
    );
  }
}

/**
 * The history of the version held here now: the one noted, or (changed here since, or brought
 * back) a new one made by this office from it. Deleted here: the version deleted. `null`: a
 * record of this vault from before histories (migration 0015), not yet exchanged since.
 */
export function localVector(
  localHash: string | null,
  known: Known | undefined | null,
  own: string,
): Vector | null {
  if (!known) return null;
  if (known.hash === localHash || localHash === null) return known.vector;
  return nextVector(known.vector, own);
}
