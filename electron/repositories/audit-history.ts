import { z } from 'zod';
import { auditEntrySchema, type AuditHistoryEntry } from '../../shared/contract/audit';
import { type Queryable } from '../database/sqlite';

/**
 * The entries about one record and, for a case, about its parts (their entries carry the case's
 * id in `changes.caseId`). Both lookups use an index (migration 0003).
 */
export async function auditHistory(db: Queryable, entityId: string): Promise<AuditHistoryEntry[]> {
  const rows = await db.all(
    `SELECT seq, at, actor, action, entity, entity_id, changes FROM audit_log WHERE entity_id = ?1
     UNION
     SELECT seq, at, actor, action, entity, entity_id, changes FROM audit_log
       WHERE json_extract(changes, '$.caseId') = ?1
     ORDER BY seq`,
    [entityId],
  );
  return z.array(auditEntrySchema).parse(
    rows.map((row) => ({
      seq: row['seq'],
      at: row['at'],
      actor: row['actor'],
      action: row['action'],
      entity: row['entity'],
      entityId: row['entity_id'],
      changes: row['changes'] === null ? null : (JSON.parse(String(row['changes'])) as unknown),
    })),
  );
}
