import { randomUUID } from 'node:crypto';
import { type Queryable } from '../database/sqlite';
import { type ExchangeRecord, recordKey } from './exchange-records';
import { knownBy, parseVector, type Vector, vectorText } from './version-vectors';

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
  vector: Vector,
  origin: ConflictOrigin,
): Promise<void> {
  const waiting = await tx.get(
    `SELECT id, incoming_hash, incoming_vector FROM exchange_conflicts
     WHERE kind = ? AND record_id = ? AND office = ? AND resolved_at IS NULL`,
    [record.kind, record.id, origin.office],
  );
  if (waiting && String(waiting['incoming_hash']) === hash) return;
  // An older version than the one waiting (a file delivered late) replaces nothing.
  const before = waiting?.['incoming_vector'];
  if (typeof before === 'string' && knownBy(vector, parseVector(before))) return;
  const { v: _history, s: _sameAs, ...content } = record;
  // office_name, incoming, incoming_hash, incoming_vector, local_hash, import_id, created_at
  const version = [
    origin.officeName,
    JSON.stringify(content),
    hash,
    vectorText(vector),
    localHash,
    origin.importId,
    origin.at,
  ];
  if (waiting) {
    await tx.run(
      `UPDATE exchange_conflicts SET office_name = ?, incoming = ?, incoming_hash = ?,
         incoming_vector = ?, local_hash = ?, import_id = ?, created_at = ? WHERE id = ?`,
      [...version, String(waiting['id'])],
    );
  } else {
    await tx.run(
      `INSERT INTO exchange_conflicts (id, kind, record_id, office, office_name, incoming,
         incoming_hash, incoming_vector, local_hash, import_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), record.kind, record.id, origin.office, ...version],
    );
  }
}

export interface WaitingConflict {
  id: string;
  office: string;
  /** The incoming version's history; null for a conflict from before histories. */
  vector: Vector | null;
}

/** Every conflict still waiting here, by `recordKey` (most often none). */
export async function conflictsWaiting(db: Queryable): Promise<Map<string, WaitingConflict[]>> {
  const rows = await db.all(
    `SELECT id, kind, record_id, office, incoming_vector FROM exchange_conflicts
      WHERE resolved_at IS NULL`,
  );
  const waiting = new Map<string, WaitingConflict[]>();
  for (const r of rows) {
    const key = recordKey(String(r['kind']), String(r['record_id']));
    const vector = r['incoming_vector'];
    const list = waiting.get(key) ?? [];
    list.push({
      id: String(r['id']),
      office: String(r['office']),
      vector: typeof vector === 'string' ? parseVector(vector) : null,
    });
    waiting.set(key, list);
  }
  return waiting;
}

export async function settleConflict(tx: Queryable, id: string, at: string): Promise<void> {
  await tx.run(
    'UPDATE exchange_conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL',
    [at, id],
  );
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
