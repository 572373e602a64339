import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { type ImportPreview } from '../../shared/contract/exchange';
import { appendAudit } from '../audit/audit-log';
import { type Database, type Queryable } from '../database/sqlite';
import { spokenFingerprint } from '../office/office-card';
import { ownCard } from '../office/office-views';
import { findPartner } from '../office/partner-repository';
import { type AgeKey } from './age-reader';
import { heldHere } from './deletion-notices';
import { sortRemovals } from './part-removals';
import { DEFAULT_LIMITS, type ImportLimits } from './archive-sink';
import { type ExchangeEvidence } from './exchange-evidence';
import { evidenceHooks, stageEvidence } from './evidence-records';
import { discardVerified, readExport, type VerifiedExport } from './import-reader';
import { forEachRecordBatch, offsetProgress } from './import-records';
import { withJobCache } from './job-cache';
import { classifyAll, conflictsSettledBy, countVerdicts, type Verdict } from './merge';
import { mergeFile, noticesOf } from './merge-file';
import { ArrivingTally } from './preview-names';
import { conflictsWaiting } from './pending-conflicts';
import { type JobProgress } from './job-progress';
import { type Manifest } from './manifest';
import { exportParts, totalSize } from './part-files';

export interface PendingImport {
  preview: ImportPreview;
  verified: VerifiedExport;
}

/**
 * This office's own passphrase copy: what it holds is brought back where deleted here. Its own
 * file to partners (it is among the recipients) is only ever older news (merge.ts).
 */
export const isOwnCopy = (manifest: Manifest) => manifest.recipients.length === 0;

async function lastSequence(db: Queryable, fingerprint: string): Promise<number> {
  const row = await db.get('SELECT last_sequence FROM exchange_senders WHERE fingerprint = ?', [
    fingerprint,
  ]);
  return row ? Number(row['last_sequence']) : 0;
}

/** Records named in the preview, at most. */
const PREVIEW_LIST = 500;

type Counts = ReturnType<typeof countVerdicts>;
const addCounts = (sum: Counts, more: Counts) => {
  for (const verdict of Object.keys(sum) as (keyof Counts)[]) sum[verdict] += more[verdict];
};

/**
 * The preview's comparison, a batch at a time when the records are not held (import-records.ts):
 * the counts, the wholes that arrive, the first records to list, and the conflicts it settles.
 */
async function compareRecords(
  db: Queryable,
  office: string,
  verified: VerifiedExport,
  waiting: Awaited<ReturnType<typeof conflictsWaiting>>,
  { progress, replayed }: { progress: JobProgress; replayed: boolean },
) {
  const counts = countVerdicts([]);
  const listed: { kind: string; id: string; verdict: Verdict }[] = [];
  const arriving = new ArrivingTally();
  const restore = isOwnCopy(verified.manifest);
  let settles = 0;
  let done = 0;
  await forEachRecordBatch(
    verified,
    async (batch, context) => {
      const said = { ...offsetProgress(progress, done, verified.recordCount), restore, replayed };
      const classified = await classifyAll(db, office, batch, said, context);
      done += batch.length;
      addCounts(counts, countVerdicts(classified));
      arriving.add(classified);
      settles += conflictsSettledBy(classified, [], waiting, office);
      for (const c of classified.slice(0, PREVIEW_LIST - listed.length)) {
        listed.push({ kind: c.record.kind, id: c.record.id, verdict: c.verdict });
      }
    },
    progress.signal,
  );
  return { counts, listed, settles, arriving: await arriving.finish(db) };
}

/** Both passes run with the small page cache of a job (job-cache.ts). */
export const prepareImport = (...args: Parameters<typeof checkImport>) =>
  withJobCache(args[0], () => checkImport(...args));
export const applyImport = (...args: Parameters<typeof storeImport>) =>
  withJobCache(args[0], () => storeImport(...args));

/**
 * A file no later than one already read from its sender. One of version 3 merges from history
 * like any other (what it holds is older news, or new to us if it came late), without its
 * notices; one without history is refused (its merge depends on the bases it would move back).
 */
async function isReplayed(db: Queryable, manifest: Manifest): Promise<boolean> {
  if (manifest.sequence > (await lastSequence(db, manifest.sender.fingerprint))) return false;
  if (manifest.version < 3) throw new AppFailure('exchange_replayed');
  return true;
}

/** Rows the connection has written so far: a replayed file that writes none is not logged. */
async function writtenSoFar(tx: Queryable): Promise<number> {
  const row = await tx.get('SELECT total_changes() AS n');
  return Number(row?.['n'] ?? 0);
}

/**
 * First pass: verify the whole file (import-reader.ts), then refuse a replay without history
 * (isReplayed) and say what applying would do. The records wait in memory while they fit its
 * budget, else they are read again (import-records.ts), as the evidence is, from the file (or
 * from its encrypted copy in the spool folder, for a file on a removable drive).
 */
async function checkImport(
  db: Database,
  chosen: string,
  key: 'identity' | { passphrase: string },
  spoolDir: string | null,
  limits: ImportLimits = DEFAULT_LIMITS,
  progress: JobProgress = {},
): Promise<PendingImport> {
  const own = await ownCard(db);
  const ageKey: AgeKey = key === 'identity' ? { identity: own.keys.ageIdentity } : key;
  const paths = await exportParts(chosen);
  const total = await totalSize(paths);
  let done = 0;
  const verified = await readExport(paths, ageKey, spoolDir, limits, {
    onBytes: (bytes) => progress.onProgress?.((done += bytes), total),
    signal: progress.signal,
    readPauseMs: progress.readPauseMs,
  });
  try {
    const { manifest } = verified;
    const sender = manifest.sender;
    const replayed = await isReplayed(db, manifest);
    const deleted = noticesOf(manifest.deleted, replayed);
    const partner = await findPartner(db, sender.fingerprint);
    const status =
      sender.fingerprint === own.fingerprint
        ? 'self'
        : !partner
          ? 'unknown'
          : partner.verifiedAt
            ? 'verified'
            : 'unverified';
    const removals = await sortRemovals(db, deleted, sender.fingerprint);
    const waiting = await conflictsWaiting(db);
    const compared = await compareRecords(db, sender.fingerprint, verified, waiting, {
      progress,
      replayed,
    });
    // What applying removes comes first: it is what the user most needs to see.
    const listed = [
      ...removals.remove.map((r) => ({ ...r, verdict: 'removed' as const })),
      ...removals.kept.map((r) => ({ ...r, verdict: 'keptHere' as const })),
      ...compared.listed,
    ].slice(0, PREVIEW_LIST);
    const preview: ImportPreview = {
      importId: randomUUID(),
      sender: {
        name: partner?.name ?? sender.name,
        fingerprint: sender.fingerprint,
        spokenFingerprint: spokenFingerprint(sender.fingerprint),
        status,
      },
      needsAcceptance: status === 'unknown' || status === 'unverified',
      createdAt: manifest.createdAt,
      counts: compared.counts,
      arriving: compared.arriving,
      evidenceCount: verified.evidence.size,
      deletedThere: (await heldHere(db, deleted, sender.fingerprint)).length,
      removedThere: removals.remove.length,
      keptChangedHere: removals.kept.length,
      conflictsSettled:
        compared.settles + conflictsSettledBy([], deleted, waiting, sender.fingerprint),
      records: listed,
    };
    return { preview, verified };
  } catch (error) {
    await discardVerified(verified);
    throw error;
  }
}

/**
 * Second pass: encrypt the new evidence items under fresh keys (read again, hashes re-checked), then write every record in one
 * transaction with the evidence keys and custody, the replay counter, the origins and the audit
 * entry — all or nothing (the staged files are removed again if the transaction fails).
 */
async function storeImport(
  db: Database,
  pending: PendingImport,
  actor: string,
  acceptUnverified: boolean,
  evidence: ExchangeEvidence,
  progress: JobProgress = {},
) {
  const { preview, verified } = pending;
  const { manifest } = verified;
  let stagedFiles: () => string[] = () => [];
  try {
    // Refused like any other failure: the import is over, nothing of it stays (finally).
    if (preview.needsAcceptance && !acceptUnverified)
      throw new AppFailure('exchange_unverified_sender');
    const { staged, fileIds } = await stageEvidence(
      db,
      manifest.sender.fingerprint,
      verified,
      evidence,
      progress,
    );
    stagedFiles = fileIds;
    const hooks = evidenceHooks(staged, actor, preview.sender.name);
    const at = new Date().toISOString();
    const counts = await db.transaction(async (tx) => {
      // Checked again inside the transaction: two imports of one file must not both pass.
      const replayed = await isReplayed(tx, manifest);
      const before = await writtenSoFar(tx);
      if (!replayed) {
        await tx.run(
          `INSERT INTO exchange_senders (fingerprint, last_sequence) VALUES (?, ?)
           ON CONFLICT(fingerprint) DO UPDATE SET last_sequence = excluded.last_sequence`,
          [manifest.sender.fingerprint, manifest.sequence],
        );
      }
      const origin = {
        office: manifest.sender.fingerprint,
        officeName: preview.sender.name,
        exportedAt: manifest.createdAt,
        importId: preview.importId,
        at,
      };
      const deleted = noticesOf(manifest.deleted, replayed);
      const { counts, settled, held, removals } = await mergeFile(
        tx,
        (consume) => forEachRecordBatch(verified, consume, progress.signal),
        deleted,
        origin,
        hooks,
        { ...progress, restore: isOwnCopy(manifest), total: verified.recordCount, replayed },
      );
      // Older news only: nothing changed, so nothing to log either.
      if (replayed && (await writtenSoFar(tx)) === before) return counts;
      await tx.run(
        `INSERT INTO exchange_imports (id, export_id, office, office_name, sequence, actor, imported_at, counts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          preview.importId,
          manifest.exportId,
          origin.office,
          origin.officeName,
          manifest.sequence,
          actor,
          at,
          JSON.stringify(counts),
        ],
      );
      await appendAudit(tx, {
        actor,
        action: 'import',
        entity: 'exchange',
        entityId: preview.importId,
        changes: {
          from: origin.officeName,
          fingerprint: origin.office,
          senderStatus: preview.sender.status,
          exportId: manifest.exportId,
          sequence: manifest.sequence,
          ...counts,
          evidence: verified.evidence.size,
          ...(held.length > 0 ? { deletedThere: held.length } : {}),
          ...(removals.remove.length > 0 ? { removedThere: removals.remove.length } : {}),
          ...(removals.kept.length > 0 ? { keptChangedHere: removals.kept.length } : {}),
          // Conflicts with this office that its new versions made moot.
          ...(settled > 0 ? { conflictsSettled: settled } : {}),
        },
      });
      return counts;
    });
    return { counts, evidenceCount: verified.evidence.size };
  } catch (error) {
    // The rows (and so the keys) were never written: the staged files are noise, remove them.
    await evidence.remove(stagedFiles()).catch(() => undefined);
    throw error;
  } finally {
    await discardVerified(verified);
  }
}
