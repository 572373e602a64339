import { localToday } from '../../shared/risk';
import { AppFailure } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { type CoreContext, requireSession } from '../core/context';
import { defaultRenderRuntime } from '../dossiers/dossier-runtime';
import {
  assertConsented,
  type DossierSpec,
  prepareDossier,
  redactedDocument,
  renderAndSave,
} from '../dossiers/dossier-service';
import { type RenderRuntime } from '../dossiers/render-job';
import { type Handlers } from '../ipc/dispatcher';

type DossierHandlers = Pick<Handlers, 'dossiers.check' | 'dossiers.generate'>;

export interface DossierOptions {
  /** Worker and fonts; found from where the code runs unless given (tests, bench). */
  runtime?: RenderRuntime;
}

/** A name that says nothing about who the dossier is about. */
function suggestedName(spec: DossierSpec, today: string, encrypted: boolean): string {
  const base = spec.language === 'es' ? 'expediente' : 'dossier';
  return `${base}-${today}.pdf${encrypted ? '.age' : ''}`;
}

export function dossierHandlers(
  context: CoreContext,
  options: DossierOptions = {},
): DossierHandlers {
  let runtime = options.runtime;
  return {
    'dossiers.check': async (spec) => {
      const prepared = await prepareDossier(requireSession(context).db, spec, localToday());
      return {
        scope: prepared.scope,
        named: prepared.named.length,
        gaps: prepared.gaps,
        aggressionCount: prepared.data.aggressions.length,
        evidenceCount: prepared.data.evidence.length,
      };
    },
    'dossiers.generate': async ({ request, to, ...spec }) => {
      const session = requireSession(context);
      const today = localToday();
      const prepared = await prepareDossier(session.db, spec, today);
      assertConsented(prepared);
      const document = redactedDocument(prepared, request, session, today);
      const dialogs = context.adapters.dialogs;
      if (!dialogs) throw new AppFailure('internal');
      const path = await dialogs.chooseSavePath(suggestedName(spec, today, !('plain' in to)));
      if (path === null) return null;
      runtime ??= defaultRenderRuntime();
      const saved = await renderAndSave(session.db, document, runtime, path, to);
      const subjectId = 'caseId' in spec.subject ? spec.subject.caseId : spec.subject.personId;
      // Codes, counts and hashes only: the audit log outlives the records it describes.
      await session.db.transaction((tx) =>
        appendAudit(tx, {
          actor: session.displayName,
          action: 'generate',
          entity: 'dossier',
          entityId: subjectId,
          changes: {
            ...('caseId' in spec.subject ? { caseId: spec.subject.caseId } : {}),
            template: spec.template,
            language: spec.language,
            to: 'plain' in to ? 'plain' : 'passphrase' in to ? 'passphrase' : to.partners,
            pseudonymized: spec.redaction.pseudonymize.length,
            includeContacts: spec.redaction.includeContacts,
            includeExactPlaces: spec.redaction.includeExactPlaces,
            aggressionCount: prepared.data.aggressions.length,
            evidenceCount: prepared.data.evidence.length,
            pages: saved.pages,
            sha256: saved.sha256,
            pdfSha256: saved.pdfSha256,
          },
        }),
      );
      return {
        encrypted: saved.encrypted,
        size: saved.size,
        sha256: saved.sha256,
        pages: saved.pages,
      };
    },
  };
}
