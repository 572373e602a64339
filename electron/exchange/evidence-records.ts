import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { type Queryable, type SqlValue } from '../database/sqlite';
import { type StoredEvidence } from '../evidence/evidence-store';
import { STAGING_PREFIX } from '../evidence/evidence-paths';
import { addCustody } from '../repositories/evidence-repository';
import { type ExchangeEvidence } from './exchange-evidence';
import { type ExchangeRecord } from './exchange-records';
import { classifyAll, type WriteHooks } from './merge';
import { readThroughThreads } from './decrypt-threads';
import { forEachRecordBatch } from './import-records';
import { type VerifiedExport } from './import-reader';
import { type JobProgress } from './job-progress';
import { totalSize } from './part-files';
import { type ExportScope } from './table-records';

/*
 * Evidence rows travel as `evidence_items` records without `file_id` and `file_key` (the key
 * never leaves the vault); their content travels as `evidence/<sha256>`. The receiving office
 * encrypts each new item under a fresh key of its own and writes the custody entries.
 */

export interface EvidenceRow {
  id: string;
  fileId: string;
  fileKey: Buffer;
  sha256: string;
  size: number;
}

export async function scopedEvidenceRows(
  db: Queryable,
  scope: ExportScope,
): Promise<EvidenceRow[]> {
  const columns = 'SELECT id, file_id, file_key, sha256, size FROM evidence_items';
  const rows =
    'all' in scope
      ? await db.all(`${columns} ORDER BY id`)
      : await db.all(
          `${columns} WHERE case_id IN (${scope.caseIds.map(() => '?').join(', ')}) ORDER BY id`,
          [...scope.caseIds],
        );
  return rows.map((r) => {
    const key = r['file_key'];
    if (!Buffer.isBuffer(key)) throw new AppFailure('internal');
    return {
      id: String(r['id']),
      fileId: String(r['file_id']),
      fileKey: key,
      sha256: String(r['sha256']),
      size: Number(r['size']),
    };
  });
}

/** After an export is verified: one custody entry per item that left, naming the recipients. */
export async function recordEvidenceExport(
  tx: Queryable,
  scope: ExportScope,
  actor: string,
  counterpart: string,
) {
  for (const row of await scopedEvidenceRows(tx, scope)) {
    // Every chunk authenticated under the item's key on the way out (encrypt-worker-source.ts).
    await addCustody(tx, {
      evidenceId: row.id,
      action: 'export',
      actor,
      hashOk: true,
      sha256: row.sha256,
      counterpart,
    });
  }
}

const isEvidence = (record: ExchangeRecord) => record.kind === 'evidence_items';

/**
 * Before the import transaction: read the checked file again (decrypt-threads.ts, storing
 * mode: every item's SHA-256 checked against its name, listed in the signed manifest) and encrypt the content of every evidence item that will be new here, one file per item
 * (each row has its own key). Returns the hooks' input and the files to remove if the
 * transaction does not commit.
 */
export async function stageEvidence(
  db: Queryable,
  office: string,
  verified: VerifiedExport,
  evidence: ExchangeEvidence,
  progress: JobProgress = {},
) {
  const staged = new Map<string, StoredEvidence>();
  const moved: string[] = [];
  const fileIds = () => [...moved];
  // The threads write into a folder of this import's own, so a cancel or a crash at any moment
  // leaves nothing in the evidence folder itself (the sweep removes an old one after a crash).
  const staging = join(evidence.folder, `${STAGING_PREFIX}${randomBytes(8).toString('hex')}`);
  try {
    // The items and the cases they belong to: an item of a case deleted here is not brought
    // back (merge.ts), and a case is all an item refers to.
    const fresh: ExchangeRecord[] = [];
    const restore = verified.manifest.recipients.length === 0;
    await forEachRecordBatch(
      verified,
      async (batch, context) => {
        const owned = batch.filter((r) => isEvidence(r) || r.kind === 'cases');
        if (owned.length === 0) return;
        for (const c of await classifyAll(db, office, owned, { restore }, context)) {
          if (c.verdict === 'new' && isEvidence(c.record)) fresh.push(c.record);
        }
      },
      progress.signal,
    );
    const wanted: Record<string, number> = {};
    for (const record of fresh) {
      const sha256 = String(record.data['sha256']);
      if (verified.evidence.get(sha256) !== record.data['size']) {
        throw new AppFailure('exchange_corrupt');
      }
      wanted[sha256] = (wanted[sha256] ?? 0) + 1;
    }
    if (fresh.length === 0) return { staged, fileIds };
    await mkdir(staging, { recursive: true, mode: 0o700 });
    const stored = new Map<string, { fileId: string; key: Uint8Array }[]>();
    const total = await totalSize(verified.file.paths).catch(() => 0);
    let done = 0;
    await readThroughThreads(
      verified.file,
      {
        smallMax: 0,
        store: { folder: staging, wanted },
        onBytes: (bytes) => progress.onProgress?.((done += bytes), total),
        signal: progress.signal,
        readPauseMs: progress.readPauseMs,
      },
      (message) => {
        if (message.type === 'stored') stored.set(message.sha256, message.items);
      },
    ).catch((error: unknown) => {
      // The file was whole at the preview: read in place, a failure now means it changed or went.
      // A cancel, or this computer's disk full, is said as such.
      const said = error instanceof AppFailure && ['cancelled', 'disk_full'].includes(error.code);
      throw verified.file.copied || said ? error : new AppFailure('exchange_source_changed');
    });
    for (const record of fresh) {
      const sha256 = String(record.data['sha256']);
      const item = stored.get(sha256)?.shift();
      if (!item) throw new AppFailure('exchange_corrupt');
      await rename(join(staging, item.fileId), join(evidence.folder, item.fileId));
      moved.push(item.fileId);
      staged.set(record.id, {
        fileId: item.fileId,
        fileKey: Buffer.from(item.key),
        sha256,
        size: Number(record.data['size']),
      });
    }
  } catch (error) {
    await evidence.remove(fileIds());
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { staged, fileIds };
}

export function evidenceHooks(
  staged: ReadonlyMap<string, StoredEvidence>,
  actor: string,
  officeName: string,
): WriteHooks {
  return {
    async localColumns(tx, record, exists): Promise<Record<string, SqlValue>> {
      if (!isEvidence(record)) return {};
      if (exists) {
        // Content never changes after intake: a different hash is not an edit we can apply.
        const local = await tx.get('SELECT sha256 FROM evidence_items WHERE id = ?', [record.id]);
        if (local?.['sha256'] !== record.data['sha256']) throw new AppFailure('exchange_corrupt');
        return {};
      }
      const stored = staged.get(record.id);
      // Became new only after the preview (deleted here meanwhile): ask to import again.
      if (!stored) throw new AppFailure('conflict');
      return { file_id: stored.fileId, file_key: stored.fileKey };
    },
    async written(tx, record, exists) {
      if (!isEvidence(record) || exists) return;
      await addCustody(tx, {
        evidenceId: record.id,
        action: 'import',
        actor,
        hashOk: true,
        sha256: String(record.data['sha256']),
        counterpart: officeName,
      });
    },
  };
}
