import { type Database } from '../database/sqlite';
import { type ExchangeRecord, recordHash } from './exchange-records';
import { type Known, type KnownRow, knownVersions, writeKnown } from './record-bookkeeping';
import { nextVector } from './version-vectors';

/** Records given their history a batch at a time (a query per 500, at most one write per batch). */
const BATCH = 2000;

export interface Versioned {
  record: ExchangeRecord;
  hash: string;
}

/**
 * Each record as it leaves, with its history (`v`): the version noted here, or, when it changed
 * here since (or was never exchanged), a new version of this office's. The new histories are
 * written before their records leave: a failed export that is tried again never sends two
 * different versions under one history.
 */
export async function* versionedRecords(
  db: Database,
  records: AsyncIterable<ExchangeRecord>,
  own: string,
): AsyncGenerator<Versioned> {
  let batch: ExchangeRecord[] = [];
  const flush = async function* () {
    const byKind = new Map<string, string[]>();
    for (const { kind, id } of batch) {
      const ids = byKind.get(kind) ?? [];
      ids.push(id);
      byKind.set(kind, ids);
    }
    const known = new Map<string, Map<string, Known>>();
    for (const [kind, ids] of byKind) known.set(kind, await knownVersions(db, kind, ids));
    const made: KnownRow[] = [];
    const out: Versioned[] = [];
    for (const record of batch) {
      const hash = recordHash(record);
      const noted = known.get(record.kind)?.get(record.id);
      if (noted && noted.hash === hash) {
        const sameAs = noted.sameAs ? { s: noted.sameAs } : {};
        out.push({ record: { ...record, v: noted.vector, ...sameAs }, hash });
        continue;
      }
      const vector = nextVector(noted?.vector ?? {}, own);
      made.push({ kind: record.kind, id: record.id, hash, vector });
      out.push({ record: { ...record, v: vector }, hash });
    }
    if (made.length > 0) await db.transaction((tx) => writeKnown(tx, made));
    batch = [];
    yield* out;
  };
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= BATCH) yield* flush();
  }
  yield* flush();
}
