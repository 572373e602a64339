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
import {
  conflictsWaiting,
  keepConflict,
  settleConflict,
  type WaitingConflict,
} from './pending-conflicts';
import {
  hasNoticesFrom,
  type Known,
  type KnownRow,
  knownVersions,
  localVector,
  type Origin,
  type SharedVersion,
  writeBases,
  writeKnown,
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
import {
  compareVectors,
  joinVectors,
  knownBy,
  nextVector,
  officeOf,
  type Vector,
} from './version-vectors';

/** `deleted`: deleted here since it was last exchanged with the sender; not brought back. */
export type Verdict = 'new' | 'update' | 'unchanged' | 'conflict' | 'deleted';

export interface Classified {
  record: ExchangeRecord;
  hash: string;
  verdict: Verdict;
  localHash: string | null;
  /** The version last exchanged with the sender, when there is one. */
  base: string | null;
  /** The history of the version held here (null: from before histories, or not held). */
  localVector: Vector | null;
  /** The incoming version's history (made up for a file of version 1 or 2). */
  vector: Vector;
  /** The version held here once applied, when that changes. */
  keep: Known | null;
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

/** How the incoming version stands to ours, and what applying it notes as held here. */
interface Decision {
  verdict: Verdict;
  /** The version held here afterwards, when it changes (null: nothing to note). */
  keep: Known | null;
  /** For a conflict: the incoming version's history (made up for a file of version 1 or 2). */
  vector: Vector;
}

export interface ClassifyInput {
  record: ExchangeRecord;
  local: ExchangeRecord | null;
  /** The version last exchanged with the sender (its hash), when there is one. */
  base: string | null;
  /** What record_versions says of it here. */
  known: Known | null;
  own: string;
  sender: string;
  /** This office's own passphrase copy: a record deleted here is brought back from it. */
  restore?: boolean;
}

/**
 * Decided from history (version-vectors.ts): theirs descends from ours → update; ours from
 * theirs (or the same) → nothing to do, whichever file this is and however late it comes; made
 * apart → conflict, both versions kept, unless both read the same. Deleted here: a version we
 * deleted (or an older one) stays deleted; one changed there since is a conflict. A record or
 * a file from before histories compares as before, against the base last shared with the sender.
 */
export function classify(input: ClassifyInput): Classified {
  const { record, local, base, known } = input;
  const hash = recordHash(record);
  const localHash = local ? recordHash(local) : null;
  const ours = localVector(localHash, known, input.own);
  const decided =
    record.v && (ours !== null || !local)
      ? byHistory(input, record.v, hash, localHash, ours)
      : byBase(input, hash, localHash, ours);
  return { record, hash, localHash, base, localVector: ours, ...decided };
}

function byHistory(
  input: ClassifyInput,
  theirs: Vector,
  hash: string,
  localHash: string | null,
  ours: Vector | null,
): Decision {
  const { record, local, own } = input;
  const taken = {
    verdict: 'update' as Verdict,
    keep: { hash, vector: theirs, sameAs: record.s ?? null },
    vector: theirs,
  };
  if (!local) {
    if (ours === null) {
      const gone = !input.restore && input.base !== null;
      return gone ? { ...taken, verdict: 'deleted', keep: null } : { ...taken, verdict: 'new' };
    }
    if (input.restore) {
      return {
        ...taken,
        verdict: 'new',
        keep: { hash, vector: nextVector(joinVectors(ours, theirs), own) },
      };
    }
    return knownBy(theirs, ours)
      ? { verdict: 'deleted', keep: null, vector: theirs }
      : { verdict: 'conflict', keep: null, vector: theirs };
  }
  const order = compareVectors(theirs, ours ?? {});
  if (order === 'newer') return taken;
  if (order !== 'apart') return { verdict: 'unchanged', keep: null, vector: theirs };
  const both = joinVectors(ours ?? {}, theirs);
  if (hash === localHash)
    return { verdict: 'unchanged', keep: { hash, vector: both }, vector: theirs };
  // Theirs reads as a version ours descends from (someone there took ours whole): ours stands.
  if (record.s && knownBy(record.s, ours ?? {})) {
    return { verdict: 'unchanged', keep: { hash: localHash, vector: both }, vector: theirs };
  }
  // Ours reads as a version theirs descends from (we took theirs whole, they went on): theirs.
  const sameAs = input.known?.hash === localHash ? input.known?.sameAs : null;
  if (sameAs && knownBy(sameAs, theirs)) {
    return { verdict: 'update', keep: { hash, vector: both }, vector: theirs };
  }
  // Both offices made the same change (or only touched it, as editing an aggression's
  // perpetrators does): nothing to choose between; the later one stands at both, with a history
  // both compute alike.
  if (sameContent(local, record)) {
    return laterOf(local, record) === record
      ? { verdict: 'update', keep: { hash, vector: both }, vector: theirs }
      : { verdict: 'unchanged', keep: { hash: localHash, vector: both }, vector: theirs };
  }
  return { verdict: 'conflict', keep: null, vector: theirs };
}

/**
 * The comparison of format versions 1 and 2, and of records from before histories: against the
 * version last exchanged with the sender (its base). Their version is taken as made by the
 * sender after ours, when it is taken.
 */
function byBase(
  input: ClassifyInput,
  hash: string,
  localHash: string | null,
  ours: Vector | null,
): Decision {
  const { record, local, base, own, sender } = input;
  const theirs = record.v ?? (ours ? nextVector(ours, sender) : nextVector({}, sender));
  const took = (verdict: Verdict): Decision => ({
    verdict,
    keep: { hash, vector: theirs },
    vector: theirs,
  });
  const apart = record.v ?? { [officeOf(sender)]: (ours?.[officeOf(sender)] ?? 0) + 1 };
  if (!local) {
    if (ours !== null) {
      // Deleted here since it was noted: stays deleted (a passphrase copy of ours brings it back).
      if (!input.restore) return { verdict: 'deleted', keep: null, vector: theirs };
      return { ...took('new'), keep: { hash, vector: nextVector(joinVectors(ours, theirs), own) } };
    }
    return !input.restore && base !== null ? { ...took('deleted'), keep: null } : took('new');
  }
  const mine = ours ?? nextVector({}, own);
  if (localHash === hash) {
    return {
      verdict: 'unchanged',
      keep: { hash, vector: joinVectors(mine, theirs) },
      vector: theirs,
    };
  }
  if (base === localHash) return took('update');
  if (base === hash) {
    return {
      verdict: 'unchanged',
      keep: { hash: localHash, vector: nextVector(joinVectors(mine, theirs), own) },
      vector: theirs,
    };
  }
  if (sameContent(local, record)) {
    const both = joinVectors(mine, theirs);
    return laterOf(local, record) === record
      ? { verdict: 'update', keep: { hash, vector: both }, vector: theirs }
      : { verdict: 'unchanged', keep: { hash: localHash, vector: both }, vector: theirs };
  }
  return { verdict: 'conflict', keep: null, vector: apart };
}

/** Of two versions alike but for when they were saved, the later (the larger hash on a tie). */
function laterOf(a: ExchangeRecord, b: ExchangeRecord): ExchangeRecord {
  const at = (r: ExchangeRecord) => String(r.data[EDITED_AT] ?? '');
  if (at(a) !== at(b)) return at(a) > at(b) ? a : b;
  return recordHash(a) > recordHash(b) ? a : b;
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

export interface ClassifyOptions extends RecordProgress {
  /** The file is this office's own passphrase copy (what it holds is brought back). */
  restore?: boolean;
  /**
   * The file is no later than one already read from its sender: what it says was shared with
   * them is older news, and changes no base (nor clears their deletion notices).
   */
  replayed?: boolean;
}

export async function classifyAll(
  db: Queryable,
  office: string,
  records: readonly ExchangeRecord[],
  options: ClassifyOptions = {},
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
  const own = await ownFingerprint(db);
  const restore = options.restore === true && office === own;
  const bases = await basesWith(db, office, batch ? sorted : undefined);
  const locals = await localVersions(db, sorted);
  const known = await knownOf(db, sorted);
  const waiting =
    options.replayed === true ? await conflictsWaiting(db) : new Map<string, WaitingConflict[]>();
  for (const [index, record] of sorted.entries()) {
    if (index % CLASSIFY_EVERY === 0) await between(options, index, sorted.length);
    const key = recordKey(record.kind, record.id);
    const local = locals.get(key) ?? null;
    const one = classify({
      record,
      local,
      base: bases.get(key) ?? null,
      known: known.get(key) ?? null,
      own,
      sender: office,
      restore,
    });
    if (one.verdict === 'new' && Object.values(record.data).some((v) => refersTo(v, deleted))) {
      one.verdict = 'deleted';
      one.keep = null;
    }
    // Theirs of a record gone here waits as a conflict: what hangs from it cannot be written.
    if (one.verdict === 'deleted' || (one.verdict === 'conflict' && !local)) deleted.add(record.id);
    if (options.replayed === true && alreadyWaiting(one, waiting.get(key), office)) {
      one.verdict = 'unchanged';
    }
    result.push(one);
  }
  await between(options, sorted.length, sorted.length);
  return result;
}

/**
 * A conflict with a version the sender's conflict waiting here descends from (a file read again,
 * or delivered late): that one already waits, so this one asks for nothing (keepConflict).
 */
function alreadyWaiting(
  one: Classified,
  waiting: readonly WaitingConflict[] | undefined,
  office: string,
): boolean {
  if (one.verdict !== 'conflict' || !one.record.v) return false;
  return (waiting ?? []).some(
    (w) => w.office === office && w.vector !== null && knownBy(one.vector, w.vector),
  );
}

/** What record_versions says of each record of a file, by `recordKey`. */
async function knownOf(db: Queryable, records: readonly ExchangeRecord[]) {
  const idsByKind = new Map<string, string[]>();
  for (const { kind, id } of records) {
    const ids = idsByKind.get(kind) ?? [];
    ids.push(id);
    idsByKind.set(kind, ids);
  }
  const known = new Map<string, Known>();
  for (const [kind, ids] of idsByKind) {
    for (const [id, one] of await knownVersions(db, kind, ids)) known.set(recordKey(kind, id), one);
  }
  return known;
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
 * Whether a conflict waiting here is settled once this record is applied: the version held here
 * then descends from the one waiting (someone chose, or the same change was made), whichever
 * office it came from; or, for a conflict from before histories, the office it waits with now
 * sends a version that needs no choice.
 */
function settles(one: Classified, waiting: WaitingConflict, sender: string): boolean {
  const held = one.keep?.vector ?? one.localVector;
  if (waiting.vector)
    return one.verdict !== 'conflict' && held !== null && knownBy(waiting.vector, held);
  return waiting.office === sender && needsNoChoice(one);
}

/**
 * How many conflicts waiting here (`waiting`, by `recordKey`) applying a file from `sender`
 * settles: on records whose version then descends from the one waiting, and on parts it removed.
 */
export function conflictsSettledBy(
  classified: readonly Classified[],
  deleted: readonly { kind: string; id: string }[],
  waiting: ReadonlyMap<string, readonly WaitingConflict[]>,
  sender: string,
): number {
  let count = 0;
  for (const one of classified) {
    for (const w of waiting.get(recordKey(one.record.kind, one.record.id)) ?? []) {
      if (settles(one, w, sender)) count += 1;
    }
  }
  for (const d of deleted) {
    if (!isPartKind(d.kind)) continue;
    count += (waiting.get(recordKey(d.kind, d.id)) ?? []).filter((w) => w.office === sender).length;
  }
  return count;
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
  progress: ClassifyOptions = {},
  batch?: { deleted: Set<string> },
) {
  // Said as saving from the first record written: comparing again is quick beside it.
  const classified = await classifyAll(
    tx,
    origin.office,
    records,
    { signal: progress.signal, restore: progress.restore, replayed: progress.replayed },
    batch,
  );
  const notices = await hasNoticesFrom(tx, origin.office);
  const waiting = await conflictsWaiting(tx);
  const written: ExchangeRecord[] = [];
  const shared: SharedVersion[] = [];
  const held: KnownRow[] = [];
  let settled = 0;
  for (const [index, one] of classified.entries()) {
    if (index % REPORT_EVERY === 0) await between(progress, index, classified.length);
    const { record } = one;
    const key = recordKey(record.kind, record.id);
    for (const w of waiting.get(key) ?? []) {
      if (!settles(one, w, origin.office)) continue;
      await settleConflict(tx, w.id, origin.at);
      settled += 1;
    }
    if (one.verdict === 'conflict') {
      await keepConflict(tx, record, one.hash, one.localHash ?? '', one.vector, origin);
      continue;
    }
    // Its base stays: our next export to them says it is gone.
    if (one.verdict === 'deleted') continue;
    if (one.verdict === 'new' || one.verdict === 'update') {
      const exists = one.localHash !== null;
      const { v: _history, s: _sameAs, ...version } = record;
      await writeRecord(tx, version, exists, await hooks?.localColumns(tx, version, exists));
      await hooks?.written(tx, version, exists);
      written.push(version);
    }
    if (one.keep) held.push({ kind: record.kind, id: record.id, ...one.keep });
    // A file read again, or delivered after a later one: what it shared is older news.
    if (progress.replayed === true && one.verdict === 'unchanged' && !one.keep) continue;
    // Already the base (a record sent again unchanged), unless a notice of theirs may need
    // clearing.
    if (one.base !== one.hash || notices) {
      shared.push({ kind: record.kind, id: record.id, hash: one.hash });
    }
  }
  await writeOrigins(tx, written, origin);
  await writeBases(tx, origin.office, shared, notices);
  await writeKnown(tx, held);
  await between(progress, classified.length, classified.length);
  return { counts: countVerdicts(classified), settled };
}
