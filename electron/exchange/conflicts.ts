import { AppFailure } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { type Queryable, type SqlValue } from '../database/sqlite';
import {
  exchangeRecordSchema,
  type ExchangeRecord,
  type RecordValue,
  recordHash,
  recordKey,
} from './exchange-records';
import { conflictsWaiting, settleConflict } from './pending-conflicts';
import {
  knownVersion,
  localVector,
  writeBase,
  writeKnown,
  writeOrigins,
} from './record-bookkeeping';
import { isRecordKind, ownFingerprint, readRecord, writeRecord } from './table-records';
import { joinVectors, knownBy, nextVector, parseVector, type Vector } from './version-vectors';

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
  /** Its history; null for a conflict from before histories (migration 0015). */
  incomingVector: Vector | null;
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
    incomingVector:
      typeof row['incoming_vector'] === 'string' ? parseVector(row['incoming_vector']) : null,
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

/** For each field: ours, theirs, or a value typed anew. */
export type FieldChoice = 'local' | 'incoming' | { value: RecordValue };
export type Resolution =
  { keep: 'local' | 'incoming' } | { fields: Readonly<Record<string, FieldChoice>> };

/** When a row was saved, which a version made of both takes from the moment it is made. */
const EDITED_AT = 'updated_at';

/**
 * The version a resolution makes: ours, theirs, or field by field (a field not named keeps ours,
 * or theirs where ours is gone). `null`: ours, deleted here, stays deleted.
 */
function resolvedData(
  local: ExchangeRecord | null,
  incoming: ExchangeRecord,
  resolution: Resolution,
  at: string,
): ExchangeRecord['data'] | null {
  // A resolution is a save here: a new version, even when it reads as one side.
  const saved = (data: ExchangeRecord['data']) =>
    EDITED_AT in data ? { ...data, [EDITED_AT]: at } : data;
  if ('keep' in resolution) {
    if (resolution.keep === 'incoming') return saved(incoming.data);
    return local ? saved(local.data) : null;
  }
  const data: Record<string, RecordValue> = { ...(local?.data ?? incoming.data) };
  for (const [field, choice] of Object.entries(resolution.fields)) {
    if (!(field in incoming.data) && !(local && field in local.data)) {
      throw new AppFailure('validation', { fields: { [field]: 'errors.validation' } });
    }
    const value =
      choice === 'local'
        ? (local?.data[field] ?? null)
        : choice === 'incoming'
          ? (incoming.data[field] ?? null)
          : choice.value;
    data[field] = value;
  }
  return saved(data);
}

/**
 * Settle a conflict inside the caller's transaction with a new version that descends from both
 * (its history joins theirs and ours, plus one of this office's): sent on, it settles the same
 * conflict at every office where it waits, and any other conflict here it now descends from.
 * Both versions stay readable with the conflict (`local_version`, `incoming`), beside the one
 * chosen. Taking theirs whole records where it came from, as an import would.
 */
export async function resolveConflict(
  tx: Queryable,
  conflictId: string,
  resolution: Resolution,
  actor: string,
  at = new Date().toISOString(),
) {
  const conflict = await openConflict(tx, conflictId);
  const { incoming } = conflict;
  if (!isRecordKind(incoming.kind)) throw new AppFailure('exchange_corrupt');
  const local = await readRecord(tx, incoming.kind, incoming.id);
  const data = resolvedData(local, incoming, resolution, at);
  const own = await ownFingerprint(tx);
  const localHash = local ? recordHash(local) : null;
  const ours = localVector(localHash, await knownVersion(tx, incoming.kind, incoming.id), own);
  const vector = nextVector(joinVectors(ours ?? {}, conflict.incomingVector ?? {}), own);
  const version = data === null ? null : { kind: incoming.kind, id: incoming.id, data };
  if (version) {
    const exists = local !== null;
    if (!exists && (await ownerDeletedHere(tx, version))) {
      throw new AppFailure('exchange_owner_deleted');
    }
    try {
      await writeRecord(tx, version, exists, await localColumns(tx, version, exists));
    } catch (error) {
      // A value typed anew that this field cannot hold.
      const typed =
        'fields' in resolution &&
        Object.values(resolution.fields).some((c) => typeof c === 'object');
      if (typed && error instanceof AppFailure && error.code === 'exchange_corrupt') {
        throw new AppFailure('validation');
      }
      throw error;
    }
  }
  if ('keep' in resolution && resolution.keep === 'incoming') {
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
  // Taken whole, the version reads as the one taken: what descends from that one follows it.
  const sameAs =
    'keep' in resolution ? (resolution.keep === 'incoming' ? conflict.incomingVector : ours) : null;
  await writeKnown(tx, [
    {
      kind: incoming.kind,
      id: incoming.id,
      hash: version ? recordHash(version) : null,
      vector,
      sameAs: version ? sameAs : null,
    },
  ]);
  await writeBase(tx, conflict.office, incoming.kind, incoming.id, conflict.incomingHash);
  await tx.run(
    `UPDATE exchange_conflicts SET resolved_at = ?, local_version = ?, resolved_version = ?,
       resolved_by = ? WHERE id = ?`,
    [at, JSON.stringify(local), JSON.stringify(version), actor, conflict.id],
  );
  // Other offices' versions of it that this one now descends from need no choice either.
  const others = (await conflictsWaiting(tx)).get(recordKey(incoming.kind, incoming.id)) ?? [];
  for (const other of others) {
    if (other.vector && knownBy(other.vector, vector)) await settleConflict(tx, other.id, at);
  }
  const how =
    'keep' in resolution
      ? { keep: resolution.keep }
      : {
          keep: 'fields',
          // Which field was taken how, never its value: the audit log holds no record content.
          fields: Object.fromEntries(
            Object.entries(resolution.fields).map(([f, c]) => [
              f,
              typeof c === 'string' ? c : 'typed',
            ]),
          ),
        };
  await appendAudit(tx, {
    actor,
    action: 'resolve_conflict',
    entity: 'exchange_conflict',
    entityId: conflict.id,
    changes: {
      ...how,
      kind: conflict.kind,
      recordId: conflict.recordId,
      office: conflict.office,
      importId: conflict.importId,
    },
  });
}

/** The data of a version kept with a conflict (JSON of a record, or null). */
function keptData(text: unknown): ExchangeRecord['data'] | null {
  if (typeof text !== 'string') return null;
  const parsed = exchangeRecordSchema.nullable().safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppFailure('exchange_corrupt');
  return parsed.data?.data ?? null;
}

/**
 * A record's settled conflicts, newest first, each with both versions as they stood and the one
 * chosen, field by field: what a resolution set aside stays readable.
 */
export async function recordHistory(db: Queryable, kind: string, id: string) {
  const rows = await db.all(
    `SELECT id, office_name, incoming, local_version, resolved_version, resolved_at, resolved_by
       FROM exchange_conflicts
      WHERE kind = ? AND record_id = ? AND resolved_at IS NOT NULL AND local_version IS NOT NULL
      ORDER BY resolved_at DESC`,
    [kind, id],
  );
  return rows.map((row) => {
    const incoming = keptData(row['incoming']) ?? {};
    const local = keptData(row['local_version']);
    const resolved = keptData(row['resolved_version']);
    const names = [
      ...new Set([
        ...Object.keys(local ?? {}),
        ...Object.keys(incoming),
        ...Object.keys(resolved ?? {}),
      ]),
    ].sort();
    return {
      conflictId: String(row['id']),
      officeName: String(row['office_name']),
      resolvedAt: String(row['resolved_at']),
      resolvedBy: row['resolved_by'] === null ? null : String(row['resolved_by']),
      fields: names.map((field) => ({
        field,
        local: local?.[field] ?? null,
        incoming: incoming[field] ?? null,
        resolved: resolved?.[field] ?? null,
      })),
    };
  });
}
