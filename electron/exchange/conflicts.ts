import { AppFailure } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { type Queryable, type SqlValue } from '../database/sqlite';
import { exchangeRecordSchema, type ExchangeRecord, type RecordValue } from './exchange-records';
import { writeBase, writeOrigins } from './record-bookkeeping';
import { isRecordKind, readRecord, writeRecord } from './table-records';

interface ConflictRow {
  id: string;
  kind: string;
  recordId: string;
  office: string;
  officeName: string;
  importId: string;
  incomingHash: string;
  createdAt: string;
  incoming: ExchangeRecord;
}

async function openConflict(db: Queryable, conflictId: string): Promise<ConflictRow> {
  const row = await db.get(
    'SELECT * FROM exchange_conflicts WHERE id = ? AND resolved_at IS NULL',
    [conflictId],
  );
  if (!row) throw new AppFailure('not_found');
  const parsed = exchangeRecordSchema.safeParse(JSON.parse(String(row['incoming'])));
  const kind = String(row['kind']);
  if (!parsed.success || !isRecordKind(kind) || parsed.data.kind !== kind) {
    throw new AppFailure('exchange_corrupt');
  }
  return {
    id: String(row['id']),
    kind,
    recordId: String(row['record_id']),
    office: String(row['office']),
    officeName: String(row['office_name']),
    importId: String(row['import_id']),
    incomingHash: String(row['incoming_hash']),
    createdAt: String(row['created_at']),
    incoming: parsed.data,
  };
}

export interface ConflictField {
  field: string;
  local: RecordValue | null;
  incoming: RecordValue | null;
  differs: boolean;
}

const same = (a: RecordValue | null, b: RecordValue | null) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * A record the incoming version belongs to (its case, aggression, assessment…, by a foreign key)
 * that was deleted here since: that version cannot be written back on its own.
 */
async function ownerDeletedHere(db: Queryable, record: ExchangeRecord): Promise<boolean> {
  if (!isRecordKind(record.kind)) throw new AppFailure('exchange_corrupt');
  // `kind` is a table name (isRecordKind); every foreign key of these tables names an `id`.
  const keys = await db.all(
    `SELECT "from" AS col, "table" AS owner FROM pragma_foreign_key_list('${record.kind}')`,
  );
  for (const key of keys) {
    const value = record.data[String(key['col'])];
    const owner = String(key['owner']);
    if (typeof value !== 'string' || !isRecordKind(owner)) continue;
    if (!(await db.get(`SELECT 1 FROM ${owner} WHERE id = ?`, [value]))) return true;
  }
  return false;
}

/** Both versions, field by field (the local one as it is now; `null` columns when it is gone). */
export async function conflictVersions(db: Queryable, conflictId: string) {
  const conflict = await openConflict(db, conflictId);
  if (!isRecordKind(conflict.kind)) throw new AppFailure('exchange_corrupt');
  const local = await readRecord(db, conflict.kind, conflict.recordId);
  const names = [
    ...new Set([...Object.keys(local?.data ?? {}), ...Object.keys(conflict.incoming.data)]),
  ].sort();
  const fields: ConflictField[] = names.map((field) => {
    const mine = local?.data[field] ?? null;
    const theirs = conflict.incoming.data[field] ?? null;
    return { field, local: mine, incoming: theirs, differs: !same(mine, theirs) };
  });
  return {
    id: conflict.id,
    kind: conflict.kind,
    recordId: conflict.recordId,
    officeName: conflict.officeName,
    createdAt: conflict.createdAt,
    localExists: local !== null,
    ownerDeletedHere: local === null && (await ownerDeletedHere(db, conflict.incoming)),
    fields,
  };
}

/** Columns of this vault that the incoming version cannot bring (an evidence item's file). */
async function localColumns(
  tx: Queryable,
  record: ExchangeRecord,
  exists: boolean,
): Promise<Record<string, SqlValue>> {
  if (record.kind !== 'evidence_items') return {};
  // The content was never sent for a conflict: only metadata of an item we hold can be taken.
  if (!exists) throw new AppFailure('conflict');
  const local = await tx.get('SELECT sha256 FROM evidence_items WHERE id = ?', [record.id]);
  if (local?.['sha256'] !== record.data['sha256']) throw new AppFailure('exchange_corrupt');
  return {};
}

/**
 * Settle a conflict inside the caller's transaction. `incoming` writes the other office's version
 * as an import would (and records where it came from); `local` keeps ours. Either way the incoming
 * version becomes the base with that office, so the same version is not reported again.
 */
export async function resolveConflict(
  tx: Queryable,
  conflictId: string,
  keep: 'local' | 'incoming',
  actor: string,
  at = new Date().toISOString(),
) {
  const conflict = await openConflict(tx, conflictId);
  const { incoming } = conflict;
  if (keep === 'incoming') {
    if (!isRecordKind(incoming.kind)) throw new AppFailure('exchange_corrupt');
    const exists = (await readRecord(tx, incoming.kind, incoming.id)) !== null;
    if (!exists && (await ownerDeletedHere(tx, incoming))) {
      throw new AppFailure('exchange_owner_deleted');
    }
    await writeRecord(tx, incoming, exists, await localColumns(tx, incoming, exists));
    // The export date is not kept with the conflict: the import's other records carry it.
    const sibling = await tx.get(
      'SELECT exported_at FROM record_origins WHERE import_id = ? LIMIT 1',
      [conflict.importId],
    );
    await writeOrigins(tx, [incoming], {
      office: conflict.office,
      officeName: conflict.officeName,
      exportedAt: sibling ? String(sibling['exported_at']) : conflict.createdAt,
      importId: conflict.importId,
      at,
    });
  }
  await writeBase(tx, conflict.office, incoming.kind, incoming.id, conflict.incomingHash);
  await tx.run('UPDATE exchange_conflicts SET resolved_at = ? WHERE id = ?', [at, conflict.id]);
  await appendAudit(tx, {
    actor,
    action: 'resolve_conflict',
    entity: 'exchange_conflict',
    entityId: conflict.id,
    changes: {
      keep,
      kind: conflict.kind,
      recordId: conflict.recordId,
      office: conflict.office,
      importId: conflict.importId,
    },
  });
}
