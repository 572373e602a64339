import { type Queryable } from '../database/sqlite';
import { type DeletedRecord, forgetSent, heldHere, receiveNotices } from './deletion-notices';
import { type ExchangeRecord } from './exchange-records';
import { applyRecords, type ClassifyOptions, type WriteHooks } from './merge';
import { applyRemovals, sortRemovals } from './part-removals';
import { hasNoticesFrom, type Origin, type SharedVersion, writeBases } from './record-bookkeeping';

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
 * unchanged. The file itself (decrypting, checking, the replay counter) is the caller's.
 */
export async function mergeFile(
  tx: Queryable,
  records: readonly ExchangeRecord[],
  deleted: readonly DeletedRecord[],
  origin: Origin,
  hooks?: WriteHooks,
  options: ClassifyOptions = {},
) {
  // Sorted before any record is written, as the preview saw the database.
  const removals = await sortRemovals(tx, deleted, origin.office);
  const { counts, settled } = await applyRecords(tx, records, origin, hooks, options);
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
