import { type Queryable } from '../database/sqlite';
import { noticesFor } from './deletion-notices';

export type ProvenanceKind = 'cases' | 'people' | 'collectives';

export interface Provenance {
  /** The office this record last came from, if it ever came from one. */
  receivedFrom: { officeName: string; exportedAt: string; importedAt: string } | null;
  /** Offices that hold a copy (sent there or received from there); null: no longer a partner. */
  exchangedWith: { name: string | null }[];
  /** Offices that said they no longer have it (deleted there), as of which of their exports. */
  deletedThere: { officeName: string; exportedAt: string }[];
}

/**
 * Where a record came from and which offices have it — shown on its page, and before deleting
 * it: a deletion here does not reach the copies other offices keep.
 */
export async function provenanceOf(
  db: Queryable,
  kind: ProvenanceKind,
  id: string,
): Promise<Provenance> {
  const origin = await db.get(
    `SELECT office_name, exported_at, imported_at FROM record_origins
      WHERE kind = ? AND record_id = ?`,
    [kind, id],
  );
  const offices = await db.all(
    `SELECT p.name FROM exchange_bases b LEFT JOIN partners p ON p.fingerprint = b.office
      WHERE b.kind = ? AND b.record_id = ? ORDER BY p.name IS NULL, p.name`,
    [kind, id],
  );
  return {
    receivedFrom: origin
      ? {
          officeName: String(origin['office_name']),
          exportedAt: String(origin['exported_at']),
          importedAt: String(origin['imported_at']),
        }
      : null,
    exchangedWith: offices.map((row) => ({
      name: row['name'] === null ? null : String(row['name']),
    })),
    deletedThere: await noticesFor(db, kind, id),
  };
}
