import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { type CoreContext, requireSession } from '../core/context';
import { type Session } from '../core/session';
import { writeFileAtomic } from '../files/atomic-write';
import { openRegularFile } from '../files/regular-file';
import { rethrowWriteFailure } from '../files/io-failure';
import { type Handlers } from '../ipc/dispatcher';
import { isOnDrive, resolveDrive } from './drive-handlers';
import { type ImportLimits } from '../exchange/archive-sink';
import { type ExchangeEvidence } from '../exchange/exchange-evidence';
import { vaultEvidence } from '../exchange/vault-evidence';
import { checkExportConsent } from '../exchange/export-consent';
import { JOB_THREADS, warmThreads } from '../exchange/warm-threads';
import { runExport } from '../exchange/export-job';
import { discardVerified } from '../exchange/import-reader';
import { spoolFolder, sweepSpool } from '../exchange/import-spool';
import { conflictVersions, recordHistory, resolveConflict } from '../exchange/conflicts';
import { applyImport, type PendingImport, prepareImport } from '../exchange/import-session';
import { type JobProgress } from '../exchange/job-progress';
import { type SyncPart } from '../exchange/part-flusher';
import { provenanceOf } from '../exchange/provenance';
import { CARD_MAX_BYTES, parseCard } from '../office/office-card';
import { ownCard, partnerView } from '../office/office-views';
import * as partners from '../office/partner-repository';

type ExchangeHandlers = Pick<
  Handlers,
  | 'office.card'
  | 'office.saveCard'
  | 'office.copyCard'
  | 'partners.importCard'
  | 'partners.list'
  | 'partners.verify'
  | 'partners.rename'
  | 'partners.remove'
  | 'exchange.prepare'
  | 'exchange.exportCheck'
  | 'exchange.export'
  | 'exchange.cancel'
  | 'exchange.preview'
  | 'exchange.apply'
  | 'exchange.discard'
  | 'exchange.conflicts'
  | 'exchange.provenance'
  | 'exchange.conflict'
  | 'exchange.resolveConflict'
  | 'exchange.recordHistory'
>;

export interface ExchangeOptions {
  evidence?: ExchangeEvidence;
  /** Tests pass a small one to see files split into parts. */
  splitSize?: number;
  /** Tests pass a slow one to watch an export's progress and cancel it. */
  syncPart?: SyncPart;
  /** Tests: an import's reading pauses this long after every 4 MiB, as from a slow stick. */
  readPauseMs?: number;
  /** Tests pass a small records budget to see a large import read again rather than held. */
  importLimits?: ImportLimits;
  /** Tests: how many versions an export keeps for the bases before it reads them back instead. */
  sentHeld?: number;
}

/** A card file chosen by the user: a FIFO or device under its name is no card (never read). */
async function readCardFile(path: string): Promise<string> {
  const handle = await openRegularFile(path).catch((error: unknown) => {
    const odd = error instanceof AppFailure && error.code === 'exchange_not_a_file';
    throw odd ? new AppFailure('partner_card_invalid') : error;
  });
  try {
    if ((await handle.stat()).size > CARD_MAX_BYTES) throw new AppFailure('partner_card_invalid');
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

export function exchangeHandlers(
  context: CoreContext,
  options: ExchangeOptions = {},
): ExchangeHandlers {
  const evidence = options.evidence ?? vaultEvidence(context.paths.dir);
  const jobs = new Map<string, AbortController>();
  /** Run an import step as a job: progress events under its id, cancelled by `exchange.cancel`. */
  const withJob = async <T>(
    jobId: string | undefined,
    phase: 'checking' | 'storing',
    work: (progress: JobProgress) => Promise<T>,
  ): Promise<T> => {
    if (jobId === undefined) return work({});
    if (jobs.has(jobId)) throw new AppFailure('conflict');
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      return await work({
        readPauseMs: options.readPauseMs,
        signal: controller.signal,
        onProgress: (done, total) =>
          context.adapters.emit('exchange.progress', { jobId, phase, done, total }),
        // Records, after the bytes: compared with ours (preview), then saved (apply).
        onRecords: (done, total) =>
          context.adapters.emit('exchange.progress', {
            jobId,
            phase: phase === 'checking' ? 'comparing' : 'saving',
            done,
            total,
          }),
      });
    } finally {
      jobs.delete(jobId);
      warmThreads.refill();
    }
  };
  // Verified imports waiting for `apply`, tied to the session that made them: a lock drops them.
  const pending = new Map<string, { session: Session; value: PendingImport }>();
  const spoolDir = spoolFolder(context.paths.dir);
  // A lock (or quit) drops every pending import: keys zeroed, copies removed, then whatever
  // else is in the spool (a copy still being written by a preview the lock interrupted).
  context.onSessionEnd(async (session) => {
    const dropped = [...pending].filter(([, entry]) => entry.session === session);
    for (const [id] of dropped) pending.delete(id);
    await Promise.allSettled(dropped.map(([, entry]) => discardVerified(entry.value.verified)));
    await sweepSpool(context.paths.dir);
  });

  const dialogs = () => {
    const adapter = context.adapters.dialogs;
    if (!adapter) throw new AppFailure('internal');
    return adapter;
  };
  const audit = (session: Session, action: string, entityId: string) =>
    session.db.transaction((tx) =>
      appendAudit(tx, { actor: session.displayName, action, entity: 'partner', entityId }),
    );
  const takePending = async (importId: string) => {
    const session = requireSession(context);
    const entry = pending.get(importId);
    pending.delete(importId);
    if (entry && entry.session !== session) await discardVerified(entry.value.verified);
    if (!entry || entry.session !== session) throw new AppFailure('not_found');
    return entry.value;
  };

  return {
    'office.card': async () => {
      const { keys: _keys, ...card } = await ownCard(requireSession(context).db);
      return card;
    },
    'office.saveCard': async () => {
      const card = await ownCard(requireSession(context).db);
      const path = await dialogs().chooseSavePath('office-card.json');
      if (path === null) return { saved: false };
      await writeFileAtomic(path, card.text).catch(rethrowWriteFailure);
      return { saved: true };
    },
    'office.copyCard': async () => {
      const card = await ownCard(requireSession(context).db);
      await context.adapters.clipboard.writeText(card.text);
      return {};
    },
    'partners.importCard': async (input) => {
      const session = requireSession(context);
      let text = input.text;
      if (text === undefined) {
        const path = await dialogs().chooseImportFile?.('card');
        if (!path) return null;
        text = await readCardFile(path);
      }
      const card = parseCard(text);
      if (card.ageRecipient === (await ownCard(session.db)).ageRecipient) {
        throw new AppFailure('partner_card_invalid');
      }
      const partner = await session.db.transaction((tx) => partners.addPartner(tx, card));
      await audit(session, 'add', partner.fingerprint);
      return partnerView(partner);
    },
    'partners.list': async () =>
      (await partners.listPartners(requireSession(context).db)).map(partnerView),
    'partners.verify': async ({ fingerprint }) => {
      const session = requireSession(context);
      await session.db.transaction((tx) =>
        partners.setPartnerVerified(tx, fingerprint, new Date().toISOString()),
      );
      await audit(session, 'verify', fingerprint);
      return partnerView(await partners.getPartner(session.db, fingerprint));
    },
    'partners.rename': async ({ fingerprint, name }) => {
      const session = requireSession(context);
      await session.db.transaction((tx) => partners.renamePartner(tx, fingerprint, name));
      await audit(session, 'rename', fingerprint);
      return partnerView(await partners.getPartner(session.db, fingerprint));
    },
    'partners.remove': async ({ fingerprint }) => {
      const session = requireSession(context);
      await session.db.transaction((tx) => partners.removePartner(tx, fingerprint));
      await audit(session, 'remove', fingerprint);
      return {};
    },

    'exchange.exportCheck': async ({ scope, partners }) =>
      checkExportConsent(requireSession(context).db, scope, partners),

    'exchange.export': async ({ jobId, scope, to, drive, acceptedGaps }) => {
      const session = requireSession(context);
      if (jobs.has(jobId)) throw new AppFailure('conflict');
      const folder =
        drive === undefined
          ? await dialogs().chooseExportFolder?.()
          : await resolveDrive(context, drive);
      if (!folder) return null;
      const controller = new AbortController();
      jobs.set(jobId, controller);
      try {
        const { paths: _paths, ...result } = await runExport({
          db: session.db,
          actor: session.displayName,
          scope,
          to,
          acceptedGaps,
          folder,
          evidence,
          splitSize: options.splitSize,
          syncPart: options.syncPart,
          sentHeld: options.sentHeld,
          signal: controller.signal,
          onProgress: (phase, done, total) =>
            context.adapters.emit('exchange.progress', { jobId, phase, done, total }),
        });
        return result;
      } finally {
        jobs.delete(jobId);
        warmThreads.refill();
      }
    },
    'exchange.prepare': async () => {
      requireSession(context);
      // Booting is not waited for: a job started meanwhile boots what it still needs.
      warmThreads.prepare(JOB_THREADS).catch(() => undefined);
      return {};
    },
    'exchange.cancel': async ({ jobId }) => {
      jobs.get(jobId)?.abort();
      return {};
    },
    'exchange.preview': async ({ jobId, passphrase, fromDrive }) => {
      const session = requireSession(context);
      const chosen =
        fromDrive === undefined
          ? await dialogs().chooseImportFile?.('export')
          : join(await resolveDrive(context, fromDrive.drive), fromDrive.name);
      if (!chosen) return null;
      // A file on a stick is copied (still encrypted) while it is checked: the stick may be
      // unplugged before "apply". A file on this computer's disks is read again in place.
      const copyTo =
        fromDrive !== undefined || (await isOnDrive(context, chosen)) ? spoolDir : null;
      if (copyTo) await mkdir(copyTo, { recursive: true, mode: 0o700 });
      const value = await withJob(jobId, 'checking', (progress) =>
        prepareImport(
          session.db,
          chosen,
          passphrase === undefined ? 'identity' : { passphrase },
          copyTo,
          options.importLimits,
          progress,
        ),
      ).catch((error: unknown) => {
        // Its database closed under it: say why, not what that broke.
        throw context.session === session ? error : new AppFailure('locked');
      });
      // Locked while it was read: its session is gone, so is the import.
      if (context.session !== session) {
        await discardVerified(value.verified);
        throw new AppFailure('locked');
      }
      pending.set(value.preview.importId, { session, value });
      return value.preview;
    },
    'exchange.apply': (input) =>
      context.serial(async () => {
        const session = requireSession(context);
        const value = await takePending(input.importId);
        return withJob(input.jobId, 'storing', (progress) =>
          applyImport(
            session.db,
            value,
            session.displayName,
            input.acceptUnverified,
            evidence,
            progress,
          ),
        );
      }),
    'exchange.discard': async ({ importId }) => {
      await discardVerified((await takePending(importId)).verified);
      return {};
    },
    'exchange.conflicts': async () => {
      const rows = await requireSession(context).db.all(
        `SELECT id, kind, record_id, office_name, created_at FROM exchange_conflicts
         WHERE resolved_at IS NULL ORDER BY created_at`,
      );
      return rows.map((r) => ({
        id: String(r['id']),
        kind: String(r['kind']),
        recordId: String(r['record_id']),
        officeName: String(r['office_name']),
        createdAt: String(r['created_at']),
      }));
    },
    'exchange.provenance': async ({ kind, id }) =>
      provenanceOf(requireSession(context).db, kind, id),
    'exchange.recordHistory': async ({ kind, id }) =>
      recordHistory(requireSession(context).db, kind, id),
    'exchange.conflict': async ({ conflictId }) =>
      conflictVersions(requireSession(context).db, conflictId),
    'exchange.resolveConflict': (input) =>
      context.serial(async () => {
        const session = requireSession(context);
        const resolution = 'keep' in input ? { keep: input.keep } : { fields: input.fields };
        await session.db.transaction((tx) =>
          resolveConflict(tx, input.conflictId, resolution, session.displayName),
        );
        return {};
      }),
  };
}
