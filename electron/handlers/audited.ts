import { appendAudit } from '../audit/audit-log';
import { type CoreContext, requireSession } from '../core/context';
import { type Queryable } from '../database/sqlite';
import { type AuditChanges } from '../repositories/audit-changes';

export interface Change {
  action: 'create' | 'update' | 'delete' | 'revoke' | 'decrypt_copy' | 'preview';
  entity: string;
  entityId: string;
  changes?: AuditChanges;
}

/**
 * Run one write and its audit entry in one transaction: both land or neither does. `work`
 * returns the change to record, so the entry describes exactly what was written.
 */
export async function auditedWrite<T>(
  context: CoreContext,
  work: (tx: Queryable, actor: string) => Promise<{ value: T; change: Change | Change[] }>,
): Promise<T> {
  const session = requireSession(context);
  return session.db.transaction(async (tx) => {
    const { value, change } = await work(tx, session.displayName);
    for (const one of Array.isArray(change) ? change : [change]) {
      await appendAudit(tx, {
        actor: session.displayName,
        action: one.action,
        entity: one.entity,
        entityId: one.entityId,
        changes: one.changes ?? null,
      });
    }
    return value;
  });
}

/** A read under the session: `locked` when there is none. */
export function reader(context: CoreContext): Queryable {
  return requireSession(context).db;
}
