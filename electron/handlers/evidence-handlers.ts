import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { type DialogsAdapter } from '../core/adapters';
import { type CoreContext, requireSession } from '../core/context';
import { type Session } from '../core/session';
import { removeEvidenceFiles } from '../evidence/evidence-paths';
import {
  decryptEvidenceTo,
  decryptEvidenceToMemory,
  PREVIEW_MAX_BYTES,
  storeEvidence,
  sweepEvidenceFolder,
} from '../evidence/evidence-store';
import { isPreviewable, mediaTypeOf } from '../evidence/media-type';
import { type Handlers } from '../ipc/dispatcher';
import { getCaseRecord, touchCase } from '../repositories/case-repository';
import {
  addCustody,
  allEvidenceFileIds,
  deleteEvidence,
  getEvidence,
  getEvidenceSecret,
  insertEvidence,
  listCustody,
  listEvidence,
} from '../repositories/evidence-repository';
import { auditedWrite, reader } from './audited';

type EvidenceHandlers = Pick<
  Handlers,
  | 'evidence.chooseFiles'
  | 'evidence.intake'
  | 'evidence.cancelIntake'
  | 'evidence.list'
  | 'evidence.saveCopy'
  | 'evidence.cancelCopy'
  | 'evidence.preview'
  | 'evidence.custody'
  | 'evidence.delete'
>;

interface Chosen {
  path: string;
  name: string;
  /** Tokens die with the session that chose them. */
  session: Session;
}

function dialogs(context: CoreContext): DialogsAdapter {
  const adapter = context.adapters.dialogs;
  if (!adapter) throw new AppFailure('internal');
  return adapter;
}

export interface EvidenceOptions {
  /** Tests: a copy pauses this long after every 4 MiB written, as on a slow stick. */
  copyPauseMs?: number;
}

export function evidenceHandlers(
  context: CoreContext,
  options: EvidenceOptions = {},
): EvidenceHandlers {
  const chosen = new Map<string, Chosen>();
  const running = new Map<string, AbortController>();
  let jobs = 0;
  const dataDir = context.paths.dir;

  /** Counted so that the orphan sweep never removes a file a job is writing. */
  async function job<T>(work: () => Promise<T>): Promise<T> {
    jobs += 1;
    try {
      return await work();
    } finally {
      jobs -= 1;
    }
  }

  return {
    'evidence.chooseFiles': async () => {
      const session = requireSession(context);
      const paths = await dialogs(context).chooseFilesToOpen();
      const files = [];
      for (const path of paths.slice(0, 100)) {
        const info = await stat(path);
        if (!info.isFile()) continue;
        const token = randomUUID();
        const name = basename(path);
        chosen.set(token, { path, name, session });
        files.push({ token, name, size: info.size, mediaType: mediaTypeOf(name) });
      }
      return files;
    },

    'evidence.intake': async ({ caseId, token, description }) => {
      const session = requireSession(context);
      const file = chosen.get(token);
      if (!file || file.session !== session) throw new AppFailure('not_found');
      chosen.delete(token);
      await getCaseRecord(session.db, caseId);
      if (jobs === 0) await sweepEvidenceFolder(dataDir, await allEvidenceFileIds(session.db));
      const controller = new AbortController();
      running.set(token, controller);
      try {
        const stored = await job(() =>
          storeEvidence(dataDir, file.path, {
            signal: controller.signal,
            onProgress: (done, total, checking) =>
              context.adapters.emit('evidence.progress', { token, done, total, checking }),
          }),
        );
        try {
          // Locked while encrypting: the file is useless without a row for its key.
          if (context.session !== session) throw new AppFailure('locked');
          const id = await auditedWrite(context, async (tx, actor) => {
            await touchCase(tx, caseId);
            const evidenceId = await insertEvidence(tx, {
              caseId,
              fileId: stored.fileId,
              fileKey: stored.fileKey,
              originalName: file.name,
              mediaType: mediaTypeOf(file.name),
              size: stored.size,
              sha256: stored.sha256,
              description,
              addedBy: actor,
            });
            await addCustody(tx, {
              evidenceId,
              action: 'intake',
              actor,
              hashOk: true,
              sha256: stored.sha256,
            });
            const set = { sha256: stored.sha256, size: stored.size };
            return {
              value: evidenceId,
              change: {
                action: 'create',
                entity: 'evidence',
                entityId: evidenceId,
                changes: { caseId, set, textChanged: ['originalName', 'description'] },
              },
            };
          });
          return await getEvidence(session.db, id);
        } catch (error) {
          await removeEvidenceFiles(dataDir, [stored.fileId]);
          throw error;
        } finally {
          stored.fileKey.fill(0);
        }
      } finally {
        running.delete(token);
      }
    },

    'evidence.cancelIntake': async ({ token }) => {
      requireSession(context);
      chosen.delete(token);
      running.get(token)?.abort();
      return {};
    },

    'evidence.list': async ({ caseId }) => listEvidence(reader(context), caseId),

    'evidence.saveCopy': async ({ id, token }) => {
      const session = requireSession(context);
      // A token names one job: one already running (an intake, another copy) is not taken over.
      if (running.has(token)) throw new AppFailure('validation');
      const item = await getEvidence(session.db, id);
      const destination = await dialogs(context).chooseSavePath(item.originalName);
      if (destination === null) return { saved: false, sha256: null };
      const secret = await getEvidenceSecret(session.db, id);
      const controller = new AbortController();
      running.set(token, controller);
      let result;
      try {
        result = await job(() =>
          decryptEvidenceTo(dataDir, secret, destination, {
            signal: controller.signal,
            onProgress: (done, total, checking) =>
              context.adapters.emit('evidence.progress', { token, done, total, checking }),
            pauseMs: options.copyPauseMs,
          }),
        );
      } finally {
        running.delete(token);
        secret.fileKey.fill(0);
      }
      await recordUse(context, id, item.caseId, 'decrypted_copy', result);
      if (!result.hashOk) throw new AppFailure('evidence_corrupt');
      return { saved: true, sha256: result.sha256 };
    },

    'evidence.cancelCopy': async ({ token }) => {
      requireSession(context);
      running.get(token)?.abort();
      return {};
    },

    'evidence.preview': async ({ id }) => {
      const session = requireSession(context);
      const item = await getEvidence(session.db, id);
      if (!isPreviewable(item.mediaType)) throw new AppFailure('evidence_not_previewable');
      if (item.size > PREVIEW_MAX_BYTES) throw new AppFailure('evidence_too_large');
      const secret = await getEvidenceSecret(session.db, id);
      const bytes = await job(() => decryptEvidenceToMemory(dataDir, secret));
      secret.fileKey.fill(0);
      const result = { hashOk: bytes !== null, sha256: bytes ? item.sha256 : null };
      await recordUse(context, id, item.caseId, 'preview', result);
      if (!bytes) throw new AppFailure('evidence_corrupt');
      return { mediaType: item.mediaType, bytes };
    },

    'evidence.custody': async ({ id }) => {
      const db = reader(context);
      await getEvidence(db, id);
      return listCustody(db, id);
    },

    'evidence.delete': async ({ id }) => {
      const fileId = await auditedWrite(context, async (tx) => {
        const removed = await deleteEvidence(tx, id);
        await touchCase(tx, removed.caseId);
        return {
          value: removed.fileId,
          change: {
            action: 'delete',
            entity: 'evidence',
            entityId: id,
            changes: { caseId: removed.caseId },
          },
        };
      });
      await removeEvidenceFiles(dataDir, [fileId]);
      return {};
    },
  };
}

/** A decrypted copy or a preview: into the chain of custody and the audit log, ok or not. */
async function recordUse(
  context: CoreContext,
  evidenceId: string,
  caseId: string,
  action: 'decrypted_copy' | 'preview',
  result: { hashOk: boolean; sha256: string | null },
): Promise<void> {
  await auditedWrite(context, async (tx, actor) => {
    await addCustody(tx, { evidenceId, action, actor, ...result });
    return {
      value: undefined,
      change: {
        action: action === 'preview' ? 'preview' : 'decrypt_copy',
        entity: 'evidence',
        entityId: evidenceId,
        changes: { caseId, set: { hashOk: result.hashOk } },
      },
    };
  });
}
