import { AppFailure } from '../../shared/errors';
import { readThroughThreads } from './decrypt-threads';
import { exchangeRecordSchema, type ExchangeRecord } from './exchange-records';
import { type CheckedFile } from './import-reader';
import { type Manifest, RECORDS_ENTRY } from './manifest';
import { RECORD_KINDS } from './table-records';
import { parseTarHeader } from './tar-reader';

/*
 * An import's records, held in memory while they fit in a budget, else read again from the
 * checked file (or its encrypted copy in the spool) a records entry at a time, each entry's
 * SHA-256 matched to the signed manifest before any of its records is used. Either way they
 * are handed on in file order, which for a file too large to hold must be the order an export
 * writes (parents first, by kind), so that one pass compares or applies them.
 */

const corrupt = () => new AppFailure('exchange_corrupt');
const kindRank = new Map<string, number>(RECORD_KINDS.map((kind, i) => [kind, i]));

/** One records entry's JSON lines, each checked against the record schema. */
export function parseRecordsEntry(body: Buffer): ExchangeRecord[] {
  const records: ExchangeRecord[] = [];
  for (const line of body.toString('utf8').split('\n')) {
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw corrupt();
    }
    const record = exchangeRecordSchema.safeParse(value);
    if (!record.success) throw corrupt();
    records.push(record.data);
  }
  return records;
}

/** The records in an entry without parsing them: its non-empty lines. */
function countRecords(body: Buffer): number {
  let count = 0;
  for (let start = 0; start < body.length;) {
    const end = body.indexOf(0x0a, start);
    const stop = end < 0 ? body.length : end;
    if (stop > start) count += 1;
    start = stop + 1;
  }
  return count;
}

/**
 * The check pass's view of the records entries, kept (parsed, each checked against the record
 * schema) while their bytes fit `budget`. Beyond it none is kept, and none parsed: each pass
 * that reads them again parses and checks them (forEachRecordBatch), the preview's first, so a
 * damaged record still refuses the file before anything is shown or applied.
 */
export class RecordsCollector {
  count = 0;
  private bytes = 0;
  private held: ExchangeRecord[] | null = [];

  constructor(private readonly budget: number) {}

  add(body: Buffer): void {
    this.bytes += body.length;
    if (this.held && this.bytes <= this.budget) {
      const records = parseRecordsEntry(body);
      for (const record of records) this.held.push(record);
      this.count += records.length;
      return;
    }
    this.held = null;
    this.count += countRecords(body);
  }

  /** The records, or null when there were too many to hold (read again: forEachRecordBatch). */
  finish(): ExchangeRecord[] | null {
    return this.held;
  }
}

/** Carried from batch to batch: records found deleted here so far (merge.ts classifyAll). */
export interface BatchContext {
  deleted: Set<string>;
}

export interface ImportRecords {
  manifest: Manifest;
  /** Null: too many to hold, read again from `file`. */
  records: ExchangeRecord[] | null;
  recordCount: number;
  /** The largest records entry the check pass accepted. */
  recordsEntryMax: number;
  file: CheckedFile;
}

/**
 * Hand the file's records to `consume` in order: all at once when held (no context: classified
 * as one), else one records entry at a time with a context carried between them. The file is
 * read again and each entry's size and SHA-256 must be the signed manifest's, every listed
 * entry once: a file changed since the check is refused (`exchange_source_changed`; its copy
 * in the spool, ours, `exchange_corrupt`). A damaged record, records out of order
 * (`exchange_corrupt`) or a failure of `consume` are rethrown as they are.
 */
export async function forEachRecordBatch(
  imported: ImportRecords,
  consume: (batch: ExchangeRecord[], context?: BatchContext) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  if (imported.records) return consume(imported.records);
  const listed = new Map(
    imported.manifest.parts.filter((p) => RECORDS_ENTRY.test(p.name)).map((p) => [p.name, p]),
  );
  const changed = () =>
    new AppFailure(imported.file.copied ? 'exchange_corrupt' : 'exchange_source_changed');
  const seen = new Set<string>();
  const context: BatchContext = { deleted: new Set() };
  let entry: { name: string; chunks: Buffer[] } | null = null;
  let rank = 0;
  /** Failures of the content or of `consume`, said as they are. */
  let passOn: unknown = null;
  try {
    await readThroughThreads(
      imported.file,
      { smallMax: imported.recordsEntryMax, signal },
      async (message) => {
        if (message.type === 'header') {
          const { name, size } = parseTarHeader(message.block);
          entry = null;
          if (!RECORDS_ENTRY.test(name)) return;
          if (seen.has(name) || listed.get(name)?.size !== size) throw changed();
          entry = { name, chunks: [] };
        } else if (message.type === 'data') {
          entry?.chunks.push(Buffer.from(message.bytes));
        } else if (message.type === 'end' && entry) {
          const { name, chunks } = entry;
          entry = null;
          if (listed.get(name)?.sha256 !== message.sha256) throw changed();
          seen.add(name);
          try {
            // Parsed and checked here when not held; a damaged record, or records out of the
            // order one pass needs (only those held are sorted), refuse the file.
            const batch = parseRecordsEntry(Buffer.concat(chunks));
            for (const record of batch) {
              const next = kindRank.get(record.kind) ?? RECORD_KINDS.length;
              if (next < rank) throw corrupt();
              rank = next;
            }
            await consume(batch, context);
          } catch (error) {
            passOn = error;
            throw error;
          }
        }
      },
    );
  } catch (error) {
    if (error === passOn) throw error;
    // Whole at the check: read in place, a failure now means it changed or went. A cancel, or
    // this computer's disk full, is said as such.
    const said = error instanceof AppFailure && ['cancelled', 'disk_full'].includes(error.code);
    throw imported.file.copied || said ? error : changed();
  }
  if (seen.size !== listed.size) throw changed();
}

/** Progress of a pass over batches, said over the whole file. */
export function offsetProgress<P extends { onRecords?: (done: number, total: number) => void }>(
  progress: P,
  before: number,
  total: number,
): P {
  const { onRecords } = progress;
  return onRecords
    ? { ...progress, onRecords: (done: number) => onRecords(before + done, total) }
    : progress;
}
