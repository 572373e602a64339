import { AppFailure } from '../../shared/errors';
import { type Queryable, type SqlValue } from '../database/sqlite';
import { canonicalJson, type ExchangeRecord, recordHash } from './exchange-records';
import { isNoticeKind } from './manifest';
import { keepConflict, settleConflicts } from './pending-conflicts';
import {
  isRecordKind,
  ownFingerprint,
  readRecord,
  RECORD_KINDS,
  writeRecord,
} from './table-records';

/** `deleted`: deleted here since it was last exchanged with the sender; not brought back. */
export type Verdict = 'new' | 'update' | 'unchanged' | 'conflict' | 'deleted';

export interface Classified {
  record: ExchangeRecord;
  hash: string;
  verdict: Verdict;
  localHash: string | null;
}

export async function readBase(db: Queryable, office: string, kind: string, id: string) {
  const row = await db.get(
    'SELECT hash FROM exchange_bases WHERE office = ? AND kind = ? AND record_id = ?',
    [office, kind, id],
  );
  return row ? String(row['hash']) : null;
}

/**
 * The record as now shared with `office`. That office holds it again, so a notice saying it
 * deleted it (deletion-notices.ts) no longer holds.
 */
export async function writeBase(
  tx: Queryable,
  office: string,
  kind: string,
  id: string,
  hash: string,
) {
  await tx.run(
    `INSERT INTO exchange_bases (office, kind, record_id, hash) VALUES (?, ?, ?, ?)
     ON CONFLICT(office, kind, record_id) DO UPDATE SET hash = excluded.hash`,
    [office, kind, id, hash],
  );
  if (isNoticeKind(kind)) {
    await tx.run(
      'DELETE FROM exchange_deletion_notices WHERE office = ? AND kind = ? AND record_id = ?',
      [office, kind, id],
    );
  }
}

/** The record no longer shared with `office`. */
export async function dropBase(tx: Queryable, office: string, kind: string, id: string) {
  await tx.run('DELETE FROM exchange_bases WHERE office = ? AND kind = ? AND record_id = ?', [
    office,
    kind,
    id,
  ]);
}

/**
 * Three-way comparison against the version last exchanged with this office (the base):
 * only they changed it → update; only we did → keep ours; both did (or there is no common base)
 * → conflict, both versions kept, unless both now read the same. Gone here though exchanged with them → deleted here since
 * (our next export tells them), so it is not brought back.
 */
export async function classify(
  db: Queryable,
  office: string,
  record: ExchangeRecord,
  /** This office's own file (a passphrase copy): what it holds is brought back. */
  restore = false,
): Promise<Classified> {
  if (!isRecordKind(record.kind)) throw new AppFailure('exchange_corrupt');
  const hash = recordHash(record);
  const local = await readRecord(db, record.kind, record.id);
  if (!local) {
    const gone = !restore && (await readBase(db, office, record.kind, record.id)) !== null;
    return { record, hash, verdict: gone ? 'deleted' : 'new', localHash: null };
  }
  const localHash = recordHash(local);
  if (localHash === hash) return { record, hash, verdict: 'unchanged', localHash };
  const base = await readBase(db, office, record.kind, record.id);
  if (base === localHash) return { record, hash, verdict: 'update', localHash };
  if (base === hash) return { record, hash, verdict: 'unchanged', localHash };
  // Both offices made the same change (or only touched it, as editing an aggression's
  // perpetrators does): nothing to choose between, so the later one stands at both.
  if (sameContent(local, record)) {
    const later = String(record.data[EDITED_AT]) > String(local.data[EDITED_AT]);
    return { record, hash, verdict: later ? 'update' : 'unchanged', localHash };
  }
  return { record, hash, verdict: 'conflict', localHash };
}

/** When a row was last saved: each office stamps its own edits, so it differs between them. */
const EDITED_AT = 'updated_at';

function sameContent(a: ExchangeRecord, b: ExchangeRecord): boolean {
  const content = ({ data }: ExchangeRecord) =>
    canonicalJson(Object.fromEntries(Object.entries(data).filter(([k]) => k !== EDITED_AT)));
  return content(a) === content(b);
}

export async function classifyAll(
  db: Queryable,
  office: string,
  records: readonly ExchangeRecord[],
) {
  const order = new Map<string, number>(RECORD_KINDS.map((kind, i) => [kind, i]));
  const sorted = [...records].sort((a, b) => (order.get(a.kind) ?? 99) - (order.get(b.kind) ?? 99));
  const result: Classified[] = [];
  // Parents come first: what hangs from a record deleted here (an aggression they added to a
  // case we deleted) is not brought back either, and could not be inserted without it.
  const deleted = new Set<string>();
  const restore = office === (await ownFingerprint(db));
  for (const record of sorted) {
    const one = await classify(db, office, record, restore);
    if (one.verdict === 'new' && Object.values(record.data).some((v) => refersTo(v, deleted))) {
      one.verdict = 'deleted';
    }
    if (one.verdict === 'deleted') deleted.add(record.id);
    result.push(one);
  }
  return result;
}

/** A column value naming one of `ids` (ids are UUIDs: no other value equals one). */
export const refersTo = (value: unknown, ids: ReadonlySet<string>) =>
  typeof value === 'string' && ids.has(value);

export function countVerdicts(classified: readonly Classified[]) {
  const counts = { new: 0, update: 0, unchanged: 0, conflict: 0, deleted: 0 };
  for (const one of classified) counts[one.verdict] += 1;
  return counts;
}

export interface Origin {
  office: string;
  officeName: string;
  exportedAt: string;
  importId: string;
  at: string;
}

/** What a kind needs beyond its columns (evidence: a local file and custody entries). */
export interface WriteHooks {
  localColumns(
    tx: Queryable,
    record: ExchangeRecord,
    exists: boolean,
  ): Promise<Record<string, SqlValue>>;
  written(tx: Queryable, record: ExchangeRecord, exists: boolean): Promise<void>;
}

/**
 * Apply inside the caller's transaction, classifying again (the database may have changed since
 * the preview). Conflicts leave the local row as it is and keep the incoming version beside it.
 */
export async function applyRecords(
  tx: Queryable,
  records: readonly ExchangeRecord[],
  origin: Origin,
  hooks?: WriteHooks,
) {
  const classified = await classifyAll(tx, origin.office, records);
  let settled = 0;
  for (const one of classified) {
    const { record } = one;
    if (one.verdict === 'conflict') {
      await keepConflict(tx, record, one.hash, one.localHash ?? '', origin);
      continue;
    }
    // Its base stays: our next export to them says it is gone.
    if (one.verdict === 'deleted') continue;
    if (one.verdict === 'new' || one.verdict === 'update') {
      const exists = one.verdict === 'update';
      await writeRecord(tx, record, exists, await hooks?.localColumns(tx, record, exists));
      await hooks?.written(tx, record, exists);
      await tx.run(
        `INSERT INTO record_origins (kind, record_id, office, office_name, exported_at, imported_at, import_id)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, record_id) DO UPDATE SET office = excluded.office,
         office_name = excluded.office_name, exported_at = excluded.exported_at,
         imported_at = excluded.imported_at, import_id = excluded.import_id`,
        [
          record.kind,
          record.id,
          origin.office,
          origin.officeName,
          origin.exportedAt,
          origin.at,
          origin.importId,
        ],
      );
    }
    await writeBase(tx, origin.office, record.kind, record.id, one.hash);
    settled += await settleConflicts(tx, record, origin);
  }
  return { counts: countVerdicts(classified), settled };
}
