import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { type Database } from '../database/sqlite';
import { rethrowWriteFailure } from '../files/io-failure';
import { ownCard } from '../office/office-views';
import { getPartner } from '../office/partner-repository';
import { readVaultState, writeVaultState } from '../repositories/office-repository';
import { type ExchangeEvidence } from './exchange-evidence';
import { recordEvidenceExport } from './evidence-records';
import { type ExchangeRecord, recordHash } from './exchange-records';
import { checkExportConsent } from './export-consent';
import { deletedSinceExchange, forgetSent } from './deletion-notices';
import { exportToFile, type ExportPhase } from './export-file';
import { type SyncPart } from './part-flusher';
import { hasNoticesFrom, writeBases } from './record-bookkeeping';
import { withJobCache } from './job-cache';
import { DEFAULT_LIMITS } from './archive-sink';
import { forEachRecordBatch } from './import-records';
import { openFile } from './import-reader';
import { type Manifest } from './manifest';
import { type SharedVersion } from './record-bookkeeping';
import { SentVersions } from './sent-versions';
import { scopedRecords, type ExportScope } from './table-records';
import { versionedRecords } from './versioned-records';

const SEQUENCE_KEY = 'exchange_export_sequence';
/** Bases written per call: a whole vault's are never all materialised at once. */
const BASES_PER_CALL = 2000;
/**
 * Versions sent kept in memory (49 bytes each: 59 MB for the 1.2 million of 100 000 demo cases);
 * beyond, read back from the verified file. Reading back costs more memory than it saves (1.2
 * million records parsed and hashed again: measured 60 MB more at the peak, see the bench).
 */
const SENT_HELD = 2_000_000;

/**
 * The versions the file holds, a batch at a time: those kept while exporting, or, for a file
 * of more, its records read back (each entry matched to the signed manifest, as an import
 * does) and hashed again — the very versions the recipients will read.
 */
async function forEachSent(
  sent: SentVersions,
  file: { paths: readonly string[]; manifest: Manifest },
  identity: string,
  use: (batch: SharedVersion[]) => Promise<void>,
) {
  if (!sent.dropped) {
    for (const batch of sent.batches(BASES_PER_CALL)) await use(batch);
    return;
  }
  const opened = await openFile(file.paths, { identity });
  try {
    const imported = {
      manifest: file.manifest,
      records: null,
      recordCount: file.manifest.recordCount,
      recordsEntryMax: DEFAULT_LIMITS.maxRecordsEntryBytes,
      file: { ...opened, paths: [...opened.paths], copied: false },
    };
    await forEachRecordBatch(imported, (records) =>
      use(records.map((r) => ({ kind: r.kind, id: r.id, hash: recordHash(r) }))),
    );
  } finally {
    opened.payloadKey.fill(0);
  }
}

export interface ExportRequest {
  db: Database;
  actor: string;
  scope: ExportScope;
  to: { partners: readonly string[] } | { passphrase: string };
  /** The token of the consent check the user accepted (export-consent.ts). */
  acceptedGaps?: string | undefined;
  folder: string;
  evidence: ExchangeEvidence;
  splitSize?: number;
  syncPart?: SyncPart;
  /** Tests: versions kept for the bases before they are read back from the file instead. */
  sentHeld?: number | undefined;
  signal?: AbortSignal;
  onProgress?: (phase: ExportPhase, done: number, total: number) => void;
}

/** Take the next sequence number in its own transaction: a failed export leaves a gap, never a reuse. */
async function nextSequence(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const next = Number((await readVaultState(tx, SEQUENCE_KEY)) ?? '0') + 1;
    await writeVaultState(tx, SEQUENCE_KEY, String(next));
    return next;
  });
}

/**
 * One export from the vault: to verified partners (and this office, so it can be read back and
 * verified) or under a passphrase. Afterwards the exported versions become the common base
 * with each recipient, for conflict detection on their next file.
 */
export function runExport(request: ExportRequest) {
  return withJobCache(request.db, () => exportNow(request));
}

async function exportNow(request: ExportRequest) {
  const { db } = request;
  const own = await ownCard(db);
  const partners =
    'partners' in request.to
      ? await Promise.all(request.to.partners.map((fp) => getPartner(db, fp)))
      : [];
  // Encrypting to a key nobody confirmed could hand the records to whoever swapped the card.
  if (partners.some((p) => p.verifiedAt === null))
    throw new AppFailure('exchange_unverified_sender');
  const consent =
    partners.length > 0
      ? await checkExportConsent(
          db,
          request.scope,
          partners.map((p) => p.fingerprint),
        )
      : null;
  if (consent && consent.gapCount > 0 && request.acceptedGaps !== consent.token) {
    const fields = Object.fromEntries(consent.gaps.map((gap) => [gap.id, gap.reason]));
    throw new AppFailure('consent_missing', { fields });
  }
  await mkdir(request.folder, { recursive: true }).catch(rethrowWriteFailure);
  // What these offices had from us, or sent us, and we deleted since: they are told, once.
  const offices = partners.map((p) => p.fingerprint);
  const deleted = await deletedSinceExchange(db, offices);
  const exported = new SentVersions(request.sentHeld ?? SENT_HELD);
  const source = {
    async *records(): AsyncGenerator<ExchangeRecord> {
      const records = scopedRecords(db, request.scope);
      for await (const { record, hash } of versionedRecords(db, records, own.fingerprint)) {
        exported.add({ kind: record.kind, id: record.id, hash });
        yield record;
      }
    },
    evidence: () => request.evidence.list(db, request.scope),
  };
  const target =
    'passphrase' in request.to
      ? { passphrase: request.to.passphrase }
      : { recipients: [...partners.map((p) => p.ageRecipient), own.ageRecipient] };
  const result = await exportToFile({
    source,
    keys: own.keys,
    target,
    verifyKey:
      'passphrase' in request.to
        ? { passphrase: request.to.passphrase }
        : { identity: own.keys.ageIdentity },
    folder: request.folder,
    splitSize: request.splitSize,
    syncPart: request.syncPart,
    signal: request.signal,
    onProgress: request.onProgress,
    fields: {
      exportId: randomUUID(),
      createdAt: new Date().toISOString(),
      sender: {
        name: own.name,
        fingerprint: own.fingerprint,
        ageRecipient: own.ageRecipient,
        signingPublic: own.signingPublic,
      },
      sequence: await nextSequence(db),
      recipients: offices,
      deleted,
    },
  });
  const evidenceCount = result.manifest.parts.filter((p) => p.name.startsWith('evidence/')).length;
  const counterpart =
    'passphrase' in request.to ? 'passphrase' : partners.map((p) => p.name).join(', ');
  await db.transaction(async (tx) => {
    await recordEvidenceExport(tx, request.scope, request.actor, counterpart);
    const notices = await Promise.all(partners.map((p) => hasNoticesFrom(tx, p.fingerprint)));
    // A passphrase copy (no partner) sets no base.
    if (partners.length > 0) {
      await forEachSent(exported, result, own.keys.ageIdentity, async (batch) => {
        for (const [i, partner] of partners.entries()) {
          await writeBases(tx, partner.fingerprint, batch, notices[i]);
        }
      });
    }
    await forgetSent(tx, offices, deleted);
    await appendAudit(tx, {
      actor: request.actor,
      action: 'export',
      entity: 'exchange',
      entityId: result.manifest.exportId,
      changes: {
        to: 'passphrase' in request.to ? 'passphrase' : partners.map((p) => p.name),
        recordCount: result.manifest.recordCount,
        evidenceCount,
        sequence: result.manifest.sequence,
        ...(deleted.length > 0 ? { deletionNotices: deleted.length } : {}),
        // Sent knowing these people and collectives had not consented to it.
        ...(consent && consent.gapCount > 0 ? { withoutConsent: consent.gapCount } : {}),
      },
    });
  });
  return {
    fileName: result.fileName,
    parts: result.paths.length,
    size: result.size,
    recordCount: result.manifest.recordCount,
    evidenceCount,
    paths: result.paths,
  };
}
