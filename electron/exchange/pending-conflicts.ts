import { randomUUID } from 'node:crypto';
import { type Queryable } from '../database/sqlite';
import { type ExchangeRecord, recordKey } from './exchange-records';

export interface ConflictOrigin {
  office: string;
  officeName: string;
  importId: string;
  at: string;
}

/**
 * Keep the other office's version of a record in conflict beside ours. One waits per record and
 * office: a file sent again adds nothing, and a newer version from that office replaces the one
 * waiting (the office no longer holds it), so nobody is asked to choose twice.
 */
export async function keepConflict(
  tx: Queryable,
  record: ExchangeRecord,
  hash: string,
  localHash: string,
  origin: ConflictOrigin,
): Promise<void> {
  const waiting = await tx.get(
    `SELECT id, incoming_hash FROM exchange_conflicts
     WHERE kind = ? AND record_id = ? AND office = ? AND resolved_at IS NULL`,
    [record.kind, record.id, origin.office],
  );
  if (waiting && String(waiting['incoming_hash']) === hash) return;
  // office_name, incoming, incoming_hash, local_hash, import_id, created_at
  const version = [
    origin.officeName,
    JSON.stringify(record),
    hash,
    localHash,
    origin.importId,
    origin.at,
  ];
  if (waiting) {
    await tx.run(
      `UPDATE exchange_conflicts SET office_name = ?, incoming = ?, incoming_hash = ?,
         local_hash = ?, import_id = ?, created_at = ? WHERE id = ?`,
      [...version, String(waiting['id'])],
    );
  } else {
    await tx.run(
      `INSERT INTO exchange_conflicts (id, kind, record_id, office, office_name, incoming,
         incoming_hash, local_hash, import_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), record.kind, record.id, origin.office, ...version],
    );
  }
}

/** Records with a conflict from `office` still waiting, by `recordKey` (most often none). */
export async function conflictsWaiting(db: Queryable, office: string): Promise<Set<string>> {
  const rows = await db.all(
    'SELECT kind, record_id FROM exchange_conflicts WHERE office = ? AND resolved_at IS NULL',
    [office],
  );
  return new Set(rows.map((r) => recordKey(String(r['kind']), String(r['record_id']))));
}

/**
 * The other office now sends a version that needs no choice (the same as ours, or the one we last
 * shared): a conflict still waiting with it on that record is settled. Answers how many were.
 */
export async function settleConflicts(
  tx: Queryable,
  record: { kind: string; id: string },
  origin: Pick<ConflictOrigin, 'office' | 'at'>,
): Promise<number> {
  const result = await tx.run(
    `UPDATE exchange_conflicts SET resolved_at = ?
     WHERE kind = ? AND record_id = ? AND office = ? AND resolved_at IS NULL`,
    [origin.at, record.kind, record.id, origin.office],
  );
  return result.changes;
}
