import { createHash } from 'node:crypto';
import { type Queryable } from '../database/sqlite';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  /** What changed, without secrets and (for deletions) without the deleted content. */
  changes?: Record<string, unknown> | null;
}

const GENESIS = '0'.repeat(64);

function entryHash(prevHash: string, at: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([
    prevHash,
    at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.changes ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Append one entry, chained to the previous one. Call inside the transaction that made the change. */
export async function appendAudit(
  tx: Queryable,
  entry: AuditEntry,
  at = new Date(),
): Promise<void> {
  const last = await tx.get('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const prevHash = typeof last?.['hash'] === 'string' ? last['hash'] : GENESIS;
  const when = at.toISOString();
  await tx.run(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, changes, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      when,
      entry.actor,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.changes ? JSON.stringify(entry.changes) : null,
      prevHash,
      entryHash(prevHash, when, entry),
    ],
  );
}

export type ChainCheck =
  { intact: true; entries: number } | { intact: false; firstBrokenSeq: number };

/** Recompute every link; report the first entry whose hash or link does not match. */
export async function verifyAuditChain(db: Queryable): Promise<ChainCheck> {
  const rows = await db.all('SELECT * FROM audit_log ORDER BY seq');
  let prevHash = GENESIS;
  for (const row of rows) {
    const entry: AuditEntry = {
      actor: String(row['actor']),
      action: String(row['action']),
      entity: String(row['entity']),
      entityId: row['entity_id'] === null ? null : String(row['entity_id']),
      changes:
        row['changes'] === null
          ? null
          : (JSON.parse(String(row['changes'])) as Record<string, unknown>),
    };
    const expected = entryHash(prevHash, String(row['at']), entry);
    if (row['prev_hash'] !== prevHash || row['hash'] !== expected) {
      return { intact: false, firstBrokenSeq: Number(row['seq']) };
    }
    prevHash = expected;
  }
  return { intact: true, entries: rows.length };
}
