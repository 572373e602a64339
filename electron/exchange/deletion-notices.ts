import { type Queryable } from '../database/sqlite';
import { DELETABLE_KINDS, type DeletableKind, isNoticeKind } from './manifest';
import { dropBase } from './merge';
import { knownVersions } from './record-bookkeeping';
import { type Vector } from './version-vectors';

export interface DeletedRecord {
  kind: DeletableKind;
  id: string;
  /** The history of the version deleted (format 3). */
  v?: Vector | undefined;
}

/**
 * Records exchanged with one of `offices` (a common base remains) that no longer exist here:
 * deleted since, whole or as a part of a case. Listed in the next export to those offices, once.
 */
export async function deletedSinceExchange(
  db: Queryable,
  offices: readonly string[],
): Promise<DeletedRecord[]> {
  if (offices.length === 0) return [];
  const deleted: DeletedRecord[] = [];
  for (const kind of DELETABLE_KINDS) {
    // `kind` comes from a fixed list: a table name.
    const rows = await db.all(
      `SELECT DISTINCT b.record_id FROM exchange_bases b
        WHERE b.kind = ? AND b.office IN (${offices.map(() => '?').join(', ')})
          AND NOT EXISTS (SELECT 1 FROM ${kind} WHERE id = b.record_id)
        ORDER BY b.record_id`,
      [kind, ...offices],
    );
    const ids = rows.map((row) => String(row['record_id']));
    const known = await knownVersions(db, kind, ids);
    for (const id of ids) {
      const v = known.get(id)?.vector;
      deleted.push(v ? { kind, id, v } : { kind, id });
    }
  }
  return deleted;
}

/** After the export that told them: those offices no longer share these records with us. */
export async function forgetSent(
  tx: Queryable,
  offices: readonly string[],
  deleted: readonly DeletedRecord[],
): Promise<void> {
  for (const office of offices) {
    for (const { kind, id } of deleted) await dropBase(tx, office, kind, id);
  }
}

/**
 * Of an incoming file's notices, those about records this office holds and exchanged with the
 * sender: a notice about anything else (a record it never had from us, a made-up id) is ignored.
 */
export async function heldHere(
  db: Queryable,
  deleted: readonly DeletedRecord[],
  sender: string,
): Promise<DeletedRecord[]> {
  const held: DeletedRecord[] = [];
  for (const record of deleted) {
    // A removed part is part-removals.ts's. `kind` is one of NOTICE_KINDS: a table name.
    if (!isNoticeKind(record.kind)) continue;
    const row = await db.get(
      `SELECT 1 AS found FROM ${record.kind} WHERE id = ?
          AND EXISTS (SELECT 1 FROM exchange_bases WHERE office = ? AND kind = ? AND record_id = ?)`,
      [record.id, sender, record.kind, record.id],
    );
    if (row) held.push(record);
  }
  return held;
}

/**
 * Keep the notices beside our copies (never deleting them: that is a person's choice), and stop
 * counting the sender among the offices that hold a copy.
 */
export async function receiveNotices(
  tx: Queryable,
  held: readonly DeletedRecord[],
  origin: { office: string; officeName: string; exportedAt: string; at: string },
): Promise<void> {
  for (const { kind, id } of held) {
    await tx.run(
      `INSERT INTO exchange_deletion_notices
         (kind, record_id, office, office_name, exported_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(kind, record_id, office) DO UPDATE SET
         office_name = excluded.office_name, exported_at = excluded.exported_at,
         received_at = excluded.received_at`,
      [kind, id, origin.office, origin.officeName, origin.exportedAt, origin.at],
    );
    await dropBase(tx, origin.office, kind, id);
  }
}

/** The offices that said they no longer have this record, and as of which of their exports. */
export async function noticesFor(
  db: Queryable,
  kind: DeletableKind,
  id: string,
): Promise<{ officeName: string; exportedAt: string }[]> {
  const rows = await db.all(
    `SELECT office_name, exported_at FROM exchange_deletion_notices
      WHERE kind = ? AND record_id = ? ORDER BY exported_at DESC`,
    [kind, id],
  );
  return rows.map((row) => ({
    officeName: String(row['office_name']),
    exportedAt: String(row['exported_at']),
  }));
}
