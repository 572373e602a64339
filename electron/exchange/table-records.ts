import { AppFailure } from '../../shared/errors';
import { type Queryable, type Row, type SqlValue } from '../database/sqlite';
import { fingerprintOf } from '../office/office-card';
import { batches, type ExchangeRecord, type RecordValue } from './exchange-records';

/**
 * The case tables as exchange records, in the order they can be inserted (parents first).
 * Columns kept by triggers are left out: each office derives them itself, and comparing them
 * would report changes nobody made.
 */
const TABLES = {
  collectives: [],
  people: [],
  consents: [],
  cases: ['urgency_rank', 'first_aggression_on', 'last_aggression_on'],
  aggressions: [],
  aggression_victims: [],
  perpetrators: [],
  sources: [],
  responses: [],
  case_notes: [],
  // The file id and key are this vault's own: the receiver encrypts under a fresh key.
  evidence_items: ['file_id', 'file_key'],
  // The chain of custody: entries never change, and each names the office it happened at.
  evidence_custody: [],
  // Risk assessments of the exported people and collectives (migration 0007); `level` is generated.
  risk_assessments: ['level'],
  risk_threats: [],
  risk_factors: [],
  protection_measures: [],
} as const satisfies Record<string, readonly string[]>;

export type RecordKind = keyof typeof TABLES;
export const RECORD_KINDS = Object.keys(TABLES) as RecordKind[];

export function isRecordKind(kind: string): kind is RecordKind {
  return Object.hasOwn(TABLES, kind);
}

/**
 * A custody entry's `office` is NULL for this office in the database, and its fingerprint in an
 * exchange, so that the entry reads (and hashes) the same at every office.
 */
const OFFICE_FIELD = 'office';

/** Per connection or transaction: an office's keys never change, and exports ask per entry. */
const ownFingerprints = new WeakMap<Queryable, Promise<string>>();

export function ownFingerprint(db: Queryable): Promise<string> {
  let found = ownFingerprints.get(db);
  if (!found) {
    found = db.get('SELECT age_recipient, signing_public FROM office_keys').then((row) => {
      if (!row) throw new AppFailure('internal');
      return fingerprintOf({
        ageRecipient: String(row['age_recipient']),
        signingPublic: String(row['signing_public']),
      });
    });
    ownFingerprints.set(db, found);
    found.catch(() => ownFingerprints.delete(db));
  }
  return found;
}

/** Aggression types have no id of their own: they travel inside their aggression. */
const TYPES_FIELD = 'types';
/** Likewise the aggressions a threat is linked to, in their order. */
const LINKS_FIELD = 'aggressions';

/** Per connection or transaction, as the schema cannot change under either. */
const columnsOf = new WeakMap<Queryable, Map<RecordKind, Promise<Set<string>>>>();

export function writableColumns(db: Queryable, kind: RecordKind): Promise<Set<string>> {
  const known = columnsOf.get(db) ?? new Map<RecordKind, Promise<Set<string>>>();
  columnsOf.set(db, known);
  let columns = known.get(kind);
  if (!columns) {
    const derived: readonly string[] = TABLES[kind];
    columns = db
      .all(`SELECT name FROM pragma_table_xinfo('${kind}') WHERE hidden = 0`)
      .then(
        (rows) =>
          new Set(
            rows.map((r) => String(r['name'])).filter((n) => n !== 'id' && !derived.includes(n)),
          ),
      );
    known.set(kind, columns);
    columns.catch(() => known.delete(kind));
  }
  return columns;
}

/** Rows are read this many at a time (`id IN (…)`), far below SQLite's limit on parameters. */
const ROWS_PER_QUERY = 500;

const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ');

const LIST_SQL: Partial<Record<RecordKind, (ids: string) => string>> = {
  aggressions: (ids) => `SELECT aggression_id AS owner, code AS item FROM aggression_types
    WHERE aggression_id IN (${ids}) ORDER BY aggression_id, code`,
  risk_threats: (ids) => `SELECT threat_id AS owner, aggression_id AS item
    FROM risk_threat_aggressions WHERE threat_id IN (${ids}) ORDER BY threat_id, position`,
};

/**
 * What rows of `kind` carry beyond their columns, by row id (an aggression's types, a threat's
 * linked aggressions, in order): one query for up to ROWS_PER_QUERY rows.
 */
async function listsOf(
  db: Queryable,
  kind: RecordKind,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const lists = new Map(ids.map((id) => [id, [] as string[]]));
  const sql = LIST_SQL[kind];
  if (!sql || ids.length === 0) return lists;
  const rows = await db.all(sql(marks(ids.length)), ids);
  for (const row of rows) lists.get(String(row['owner']))?.push(String(row['item']));
  return lists;
}

async function toRecord(
  db: Queryable,
  kind: RecordKind,
  row: Row,
  lists: ReadonlyMap<string, string[]>,
): Promise<ExchangeRecord> {
  const derived: readonly string[] = TABLES[kind];
  const data: Record<string, RecordValue> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'id' || derived.includes(column)) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && value !== null) {
      throw new AppFailure('internal');
    }
    data[column] = value;
  }
  const list = lists.get(String(row['id'])) ?? [];
  if (kind === 'aggressions') data[TYPES_FIELD] = list;
  if (kind === 'evidence_custody' && data[OFFICE_FIELD] === null) {
    data[OFFICE_FIELD] = await ownFingerprint(db);
  }
  if (kind === 'risk_threats') data[LINKS_FIELD] = list;
  return { kind, id: String(row['id']), data };
}

/** Rows as records, a batch at a time. */
async function* recordsOf(
  db: Queryable,
  kind: RecordKind,
  rows: readonly Row[],
): AsyncGenerator<ExchangeRecord> {
  for (const batch of batches(rows, ROWS_PER_QUERY)) {
    const lists = await listsOf(
      db,
      kind,
      batch.map((row) => String(row['id'])),
    );
    for (const row of batch) yield await toRecord(db, kind, row, lists);
  }
}

/** The records of `kind` held here among `ids`, by id (a batch of rows per query). */
export async function readRecords(
  db: Queryable,
  kind: RecordKind,
  ids: readonly string[],
): Promise<Map<string, ExchangeRecord>> {
  const found = new Map<string, ExchangeRecord>();
  for (const batch of batches(ids, ROWS_PER_QUERY)) {
    const rows = await db.all(`SELECT * FROM ${kind} WHERE id IN (${marks(batch.length)})`, batch);
    for await (const record of recordsOf(db, kind, rows)) found.set(record.id, record);
  }
  return found;
}

export async function readRecord(
  db: Queryable,
  kind: RecordKind,
  id: string,
): Promise<ExchangeRecord | null> {
  return (await readRecords(db, kind, [id])).get(id) ?? null;
}

/** Which rows an export takes: everything, or these cases and what hangs from them. */
export type ExportScope = { all: true } | { caseIds: readonly string[] };

function scopeWhere(kind: RecordKind, count: number): string {
  const cases = `(${Array.from({ length: count }, () => '?').join(', ')})`;
  const aggressions = `(SELECT id FROM aggressions WHERE case_id IN ${cases})`;
  const people = `(SELECT person_id FROM aggression_victims WHERE aggression_id IN ${aggressions})`;
  const collectives = `(SELECT collective_id FROM aggression_victims WHERE aggression_id IN ${aggressions}
    UNION SELECT collective_id FROM people WHERE id IN ${people})`;
  const subjects = `person_id IN ${people} OR collective_id IN ${collectives}`;
  const assessments = `(SELECT id FROM risk_assessments WHERE ${subjects})`;
  switch (kind) {
    case 'cases':
      return `id IN ${cases}`;
    case 'aggressions':
    case 'sources':
    case 'responses':
    case 'case_notes':
    case 'evidence_items':
      return `case_id IN ${cases}`;
    case 'aggression_victims':
    case 'perpetrators':
      return `aggression_id IN ${aggressions}`;
    case 'evidence_custody':
      return `evidence_id IN (SELECT id FROM evidence_items WHERE case_id IN ${cases})`;
    case 'people':
      return `id IN ${people}`;
    case 'collectives':
      return `id IN ${collectives}`;
    case 'consents':
    case 'risk_assessments':
      return subjects;
    case 'risk_threats':
    case 'risk_factors':
    case 'protection_measures':
      return `assessment_id IN ${assessments}`;
  }
}

/** How many times scopeWhere's SQL repeats the case list, to bind it that many times. */
function scopeParams(kind: RecordKind, caseIds: readonly string[]): SqlValue[] {
  const subjects = 3;
  const repeats = {
    people: 1,
    collectives: 2,
    consents: subjects,
    risk_assessments: subjects,
    risk_threats: subjects,
    risk_factors: subjects,
    protection_measures: subjects,
  } as Partial<Record<RecordKind, number>>;
  return Array.from({ length: repeats[kind] ?? 1 }, () => [...caseIds]).flat();
}

/** An assessment names the one it follows (`previous_id`): that one must be inserted first. */
function followedFirst(rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [String(row['id']), row]));
  const depth = new Map<string, number>();
  const depthOf = (row: Row): number => {
    const id = String(row['id']);
    const known = depth.get(id);
    if (known !== undefined) return known;
    depth.set(id, 0); // a cycle cannot happen, but must not loop
    const previous = byId.get(String(row['previous_id']));
    const value = previous ? depthOf(previous) + 1 : 0;
    depth.set(id, value);
    return value;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b));
}

/** The rows of `kind` an export of `scope` takes (`columns`: a fixed list, never user input). */
export async function scopedRows(
  db: Queryable,
  kind: RecordKind,
  scope: ExportScope,
  columns = '*',
): Promise<Row[]> {
  if ('all' in scope) return db.all(`SELECT ${columns} FROM ${kind} ORDER BY id`);
  if (scope.caseIds.length === 0) return [];
  return db.all(
    `SELECT ${columns} FROM ${kind} WHERE ${scopeWhere(kind, scope.caseIds.length)} ORDER BY id`,
    scopeParams(kind, scope.caseIds),
  );
}

/** Every row of `kind` by id, a page at a time: a whole vault is never read into memory at once. */
async function* pagesOf(db: Queryable, kind: RecordKind): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const rows = await db.all(`SELECT * FROM ${kind} WHERE id > ? ORDER BY id LIMIT ?`, [
      after,
      ROWS_PER_QUERY,
    ]);
    if (rows.length === 0) return;
    yield rows;
    after = String(rows.at(-1)!['id']);
  }
}

export async function* scopedRecords(
  db: Queryable,
  scope: ExportScope,
): AsyncGenerator<ExchangeRecord> {
  for (const kind of RECORD_KINDS) {
    // Assessments are put in the order they follow one another, so read whole.
    if ('all' in scope && kind !== 'risk_assessments') {
      for await (const rows of pagesOf(db, kind)) yield* recordsOf(db, kind, rows);
      continue;
    }
    const rows = await scopedRows(db, kind, scope);
    const ordered = kind === 'risk_assessments' ? followedFirst(rows) : rows;
    yield* recordsOf(db, kind, ordered);
  }
}

/**
 * Write an incoming record over (or as) the local row. Only columns the table has are written;
 * a value of the wrong shape or a broken reference fails the whole import transaction.
 */
export async function writeRecord(
  tx: Queryable,
  record: ExchangeRecord,
  exists: boolean,
  /** Columns from this vault, not the file (an evidence item's file id and key). */
  local: Record<string, SqlValue> = {},
) {
  if (!isRecordKind(record.kind)) throw new AppFailure('exchange_corrupt');
  const allowed = await writableColumns(tx, record.kind);
  const columns: [string, SqlValue][] = [];
  let types: string[] | null = null;
  let links: string[] | null = null;
  for (const [name, value] of Object.entries(record.data)) {
    if (record.kind === 'aggressions' && name === TYPES_FIELD && Array.isArray(value)) {
      types = value;
      continue;
    }
    if (record.kind === 'risk_threats' && name === LINKS_FIELD && Array.isArray(value)) {
      links = value;
      continue;
    }
    if (!allowed.has(name) || Array.isArray(value)) throw new AppFailure('exchange_corrupt');
    if (record.kind === 'evidence_custody' && name === OFFICE_FIELD) {
      columns.push([name, value === (await ownFingerprint(tx)) ? null : value]);
      continue;
    }
    columns.push([name, value]);
  }
  columns.push(...Object.entries(local));
  try {
    if (exists) {
      const set = columns.map(([n]) => `${n} = ?`).join(', ');
      if (set)
        await tx.run(`UPDATE ${record.kind} SET ${set} WHERE id = ?`, [
          ...columns.map(([, v]) => v),
          record.id,
        ]);
    } else {
      const names = ['id', ...columns.map(([n]) => n)];
      await tx.run(
        `INSERT INTO ${record.kind} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        [record.id, ...columns.map(([, v]) => v)],
      );
    }
    if (types) {
      if (exists) await tx.run('DELETE FROM aggression_types WHERE aggression_id = ?', [record.id]);
      for (const code of types) {
        await tx.run('INSERT INTO aggression_types (aggression_id, code) VALUES (?, ?)', [
          record.id,
          code,
        ]);
      }
    }
    if (links) {
      if (exists)
        await tx.run('DELETE FROM risk_threat_aggressions WHERE threat_id = ?', [record.id]);
      // Only aggressions this office holds: one from a case that was not sent stays unlinked here.
      for (const [position, aggressionId] of links.entries()) {
        await tx.run(
          `INSERT INTO risk_threat_aggressions (threat_id, aggression_id, position)
           SELECT ?, id, ? FROM aggressions WHERE id = ?`,
          [record.id, position, aggressionId],
        );
      }
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    // A NOT NULL, CHECK or FOREIGN KEY refusal: the records do not fit this database.
    throw new AppFailure('exchange_corrupt');
  }
}
