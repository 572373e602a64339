import { AppFailure } from '../../shared/errors';
import { type Queryable, type SqlValue } from '../database/sqlite';
import {
  batches,
  canonicalJson,
  type ExchangeRecord,
  recordHash,
  recordKey,
} from './exchange-records';
import { type JobProgress } from './job-progress';
import { isPartKind } from './manifest';
import { conflictsWaiting, keepConflict, settleConflicts } from './pending-conflicts';
import {
  hasNoticesFrom,
  type Origin,
  type SharedVersion,
  writeBases,
  writeOrigins,
} from './record-bookkeeping';
import {
  isRecordKind,
  ownFingerprint,
  readRecords,
  RECORD_KINDS,
  type RecordKind,
  writeRecord,
} from './table-records';

/** `deleted`: deleted here since it was last exchanged with the sender; not brought back. */
export type Verdict = 'new' | 'update' | 'unchanged' | 'conflict' | 'deleted';

export interface Classified {
  record: ExchangeRecord;
  hash: string;
  verdict: Verdict;
  localHash: string | null;
  /** The version last exchanged with the sender, when there is one. */
  base: string | null;
}

export async function readBase(db: Queryable, office: string, kind: string, id: string) {
  const row = await db.get(
    'SELECT hash FROM exchange_bases WHERE office = ? AND kind = ? AND record_id = ?',
    [office, kind, id],
  );
  return row ? String(row['hash']) : null;
}

/** Every base with `office`, by `recordKey`: one query for a whole file rather than one a record. */
export type Bases = ReadonlyMap<string, string>;

export async function basesWith(
  db: Queryable,
  office: string,
  /** Only these records' bases (a batch of a large file), not every one with `office`. */
  records?: readonly ExchangeRecord[],
): Promise<Bases> {
  if (records) return basesOf(db, office, records);
  const rows = await db.all('SELECT kind, record_id, hash FROM exchange_bases WHERE office = ?', [
    office,
  ]);
  return new Map(
    rows.map((r) => [recordKey(String(r['kind']), String(r['record_id'])), String(r['hash'])]),
  );
}

async function basesOf(db: Queryable, office: string, records: readonly ExchangeRecord[]) {
  const idsByKind = new Map<string, string[]>();
  for (const { kind, id } of records) {
    const ids = idsByKind.get(kind) ?? [];
    ids.push(id);
    idsByKind.set(kind, ids);
  }
  const bases = new Map<string, string>();
  for (const [kind, ids] of idsByKind) {
    for (const batch of batches(ids, 500)) {
      const rows = await db.all(
        `SELECT record_id, hash FROM exchange_bases WHERE office = ? AND kind = ?
         AND record_id IN (${batch.map(() => '?').join(', ')})`,
        [office, kind, ...batch],
      );
      for (const r of rows) bases.set(recordKey(kind, String(r['record_id'])), String(r['hash']));
    }
  }
  return bases;
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
 * → conflict, both versions kept, unless both now read the same. Gone here though exchanged
 * with them → deleted here since (our next export tells them), so it is not brought back.
 */
export function classify(
  record: ExchangeRecord,
  local: ExchangeRecord | null,
  base: string | null,
  /** This office's own file (a passphrase copy): what it holds is brought back. */
  restore = false,
): Classified {
  const hash = recordHash(record);
  const one = (verdict: Verdict, localHash: string | null) => ({
    record,
    hash,
    verdict,
    localHash,
    base,
  });
  if (!local) return one(!restore && base !== null ? 'deleted' : 'new', null);
  const localHash = recordHash(local);
  if (localHash === hash) return one('unchanged', localHash);
  if (base === localHash) return one('update', localHash);
  if (base === hash) return one('unchanged', localHash);
  // Both offices made the same change (or only touched it, as editing an aggression's
  // perpetrators does): nothing to choose between, so the later one stands at both.
  if (sameContent(local, record)) {
    const later = String(record.data[EDITED_AT]) > String(local.data[EDITED_AT]);
    return one(later ? 'update' : 'unchanged', localHash);
  }
  return one('conflict', localHash);
}

/** The local version of each record of a file, by `recordKey` (a batch of rows per query). */
async function localVersions(
  db: Queryable,
  records: readonly ExchangeRecord[],
): Promise<Map<string, ExchangeRecord>> {
  const idsByKind = new Map<RecordKind, string[]>();
  for (const { kind, id } of records) {
    if (!isRecordKind(kind)) throw new AppFailure('exchange_corrupt');
    const ids = idsByKind.get(kind) ?? [];
    ids.push(id);
    idsByKind.set(kind, ids);
  }
  const locals = new Map<string, ExchangeRecord>();
  for (const [kind, ids] of idsByKind) {
    for (const [id, local] of await readRecords(db, kind, ids))
      locals.set(recordKey(kind, id), local);
  }
  return locals;
}

/** When a row was last saved: each office stamps its own edits, so it differs between them. */
const EDITED_AT = 'updated_at';

function sameContent(a: ExchangeRecord, b: ExchangeRecord): boolean {
  const content = ({ data }: ExchangeRecord) =>
    canonicalJson(Object.fromEntries(Object.entries(data).filter(([k]) => k !== EDITED_AT)));
  return content(a) === content(b);
}

/** How a pass over a file's records says how far it got, and is stopped. */
export type RecordProgress = Pick<JobProgress, 'onRecords' | 'signal'>;

/** Records classified between two pauses (hashing them all at once would hold main's loop). */
const CLASSIFY_EVERY = 500;

/** Between runs of records: let main's other work run, stop on a cancel, say how far. */
async function between(progress: RecordProgress, done: number, total: number) {
  await new Promise((resolve) => setImmediate(resolve));
  // Inside an import's transaction, a cancel rolls back everything, as any failure does.
  if (progress.signal?.aborted) throw new AppFailure('cancelled');
  progress.onRecords?.(done, total);
}

export async function classifyAll(
  db: Queryable,
  office: string,
  records: readonly ExchangeRecord[],
  progress: RecordProgress = {},
  /**
   * Records found deleted here so far, carried from batch to batch when a large file is
   * classified a batch at a time (in file order, parents first: import-records.ts); and with
   * them, the bases of the batch's records only.
   */
  batch?: { deleted: Set<string> },
) {
  const order = new Map<string, number>(RECORD_KINDS.map((kind, i) => [kind, i]));
  const sorted = [...records].sort((a, b) => (order.get(a.kind) ?? 99) - (order.get(b.kind) ?? 99));
  const result: Classified[] = [];
  // Parents come first: what hangs from a record deleted here (an aggression they added to a
  // case we deleted) is not brought back either, and could not be inserted without it.
  const deleted = batch?.deleted ?? new Set<string>();
  const restore = office === (await ownFingerprint(db));
  const bases = await basesWith(db, office, batch ? sorted : undefined);
  const locals = await localVersions(db, sorted);
  for (const [index, record] of sorted.entries()) {
    if (index % CLASSIFY_EVERY === 0) await between(progress, index, sorted.length);
    const key = recordKey(record.kind, record.id);
    const one = classify(record, locals.get(key) ?? null, bases.get(key) ?? null, restore);
    if (one.verdict === 'new' && Object.values(record.data).some((v) => refersTo(v, deleted))) {
      one.verdict = 'deleted';
    }
    if (one.verdict === 'deleted') deleted.add(record.id);
    result.push(one);
  }
  await between(progress, sorted.length, sorted.length);
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

/** A conflict waiting on this record is settled by applying it: its version needs no choice. */
const needsNoChoice = (one: Classified) => one.verdict !== 'conflict' && one.verdict !== 'deleted';

/**
 * How many conflicts waiting with the sender (`waiting`, by `recordKey`) applying its file
 * settles: on records it now sends as ours or as last shared, and on parts it removed.
 */
export function conflictsSettledBy(
  classified: readonly Classified[],
  deleted: readonly { kind: string; id: string }[],
  waiting: ReadonlySet<string>,
): number {
  const settled = (kind: string, id: string) => waiting.has(recordKey(kind, id));
  return (
    classified.filter((c) => needsNoChoice(c) && settled(c.record.kind, c.record.id)).length +
    deleted.filter((d) => isPartKind(d.kind) && settled(d.kind, d.id)).length
  );
}

/** Records written between two progress reports (and checks for a cancel). */
const REPORT_EVERY = 100;

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
  progress: RecordProgress = {},
  batch?: { deleted: Set<string> },
) {
  // Said as saving from the first record written: comparing again is quick beside it.
  const classified = await classifyAll(
    tx,
    origin.office,
    records,
    { signal: progress.signal },
    batch,
  );
  const notices = await hasNoticesFrom(tx, origin.office);
  const waiting = await conflictsWaiting(tx, origin.office);
  const written: ExchangeRecord[] = [];
  const shared: SharedVersion[] = [];
  let settled = 0;
  for (const [index, one] of classified.entries()) {
    if (index % REPORT_EVERY === 0) await between(progress, index, classified.length);
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
      written.push(record);
    }
    // Already the base (a record sent again unchanged), unless a notice of theirs may need
    // clearing.
    if (one.base !== one.hash || notices) {
      shared.push({ kind: record.kind, id: record.id, hash: one.hash });
    }
    if (needsNoChoice(one) && waiting.has(recordKey(record.kind, record.id))) {
      settled += await settleConflicts(tx, record, origin);
    }
  }
  await writeOrigins(tx, written, origin);
  await writeBases(tx, origin.office, shared, notices);
  await between(progress, classified.length, classified.length);
  return { counts: countVerdicts(classified), settled };
}
