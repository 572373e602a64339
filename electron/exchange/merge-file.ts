import { type Queryable } from '../database/sqlite';
import { type DeletedRecord, forgetSent, heldHere, receiveNotices } from './deletion-notices';
import { type ExchangeRecord } from './exchange-records';
import { type BatchContext, offsetProgress } from './import-records';
import { applyRecords, countVerdicts, type ClassifyOptions, type WriteHooks } from './merge';
import { applyRemovals, sortRemovals } from './part-removals';
import { hasNoticesFrom, type Origin, type SharedVersion, writeBases } from './record-bookkeeping';

/** Hands a file's records on a batch at a time, in file order (import-records.ts). */
export type EachBatch = (
  consume: (batch: ExchangeRecord[], context?: BatchContext) => Promise<void>,
) => Promise<void>;

/**
 * The notices of a file to act on. A replayed one's (no later than a file already read from its
 * sender) were heard when it or a later file was read, or are outdated: a record it says was
 * deleted may have been shared again since.
 */
export const noticesOf = (deleted: readonly DeletedRecord[] | undefined, replayed: boolean) =>
  replayed ? [] : (deleted ?? []);

/**
 * What a file's content does to the vault, inside the import's transaction: its records merged
 * (merge.ts), its notices kept beside our copies, the parts it removed removed here where
 * unchanged. `records`: all of them, or a pass over them a batch at a time (a file too large
 * to hold; `options.total` says how many, for the progress). The file itself (decrypting,
 * checking, the replay counter) is the caller's.
 */
export async function mergeFile(
  tx: Queryable,
  records: readonly ExchangeRecord[] | EachBatch,
  deleted: readonly DeletedRecord[],
  origin: Origin,
  hooks?: WriteHooks,
  options: ClassifyOptions & { total?: number } = {},
) {
  // Sorted before any record is written, as the preview saw the database.
  const removals = await sortRemovals(tx, deleted, origin.office);
  const eachBatch: EachBatch =
    typeof records === 'function' ? records : (consume) => consume([...records]);
  const counts = countVerdicts([]);
  let settled = 0;
  let done = 0;
  const total = typeof records === 'function' ? (options.total ?? 0) : records.length;
  await eachBatch(async (batch, context) => {
    const said = offsetProgress(options, done, Math.max(total, done + batch.length));
    const applied = await applyRecords(tx, batch, origin, hooks, said, context);
    done += batch.length;
    for (const verdict of Object.keys(counts) as (keyof typeof counts)[])
      counts[verdict] += applied.counts[verdict];
    settled += applied.settled;
  });
  // Records the sender no longer has: our copies stay, with a notice beside them.
  const held = await heldHere(tx, deleted, origin.office);
  await receiveNotices(tx, held, origin);
  // Parts it removed: removed here too where unchanged here since.
  const moot = await applyRemovals(tx, removals, deleted, origin);
  return { counts, settled: settled + moot, held, removals };
}

/**
 * After an export: the versions sent are now shared with each recipient office, which has been
 * told of the deletions listed (it is told once).
 */
export async function noteSent(
  tx: Queryable,
  offices: readonly string[],
  exported: readonly SharedVersion[],
  deleted: readonly DeletedRecord[],
): Promise<void> {
  for (const office of offices) {
    const notices = await hasNoticesFrom(tx, office);
    await writeBases(tx, office, exported, notices);
  }
  await forgetSent(tx, offices, deleted);
}
