import { createHash } from 'node:crypto';
import { type z } from 'zod';
import {
  type ConsentGap,
  type DossierTemplate,
  type dossierRequest,
  type RedactionProfile,
  templateConsentScope,
} from '../../shared/contract/dossiers';
import { AppFailure } from '../../shared/errors';
import { type ConsentScope } from '../../shared/vocabularies';
import { type Database, type Queryable } from '../database/sqlite';
import { consentGaps, type Named, namedIn } from './consent-gate';
import { composeDossier } from './dossier-compose';
import { type DossierDocument, documentStrings, mapDocument } from './dossier-document';
import { formatIn, type Format } from './dossier-format';
import { type DossierData, type DossierSubject, gatherDossier } from './dossier-gather';
import { type DossierDestination, saveDossier, type SavedFile } from './dossier-output';
import { type DossierLanguage } from './dossier-strings';
import { buildNaming, type Naming, redactor } from './redaction';
import { renderInWorker, type RenderRuntime } from './render-job';

export interface DossierSpec {
  subject: DossierSubject;
  template: DossierTemplate;
  language: DossierLanguage;
  redaction: RedactionProfile;
}

export interface PreparedDossier {
  spec: DossierSpec;
  data: DossierData;
  format: Format;
  naming: Naming;
  named: Named[];
  scope: ConsentScope;
  gaps: ConsentGap[];
}

/** Read the records and check consent: what `dossiers.check` answers and `generate` starts from. */
export async function prepareDossier(
  db: Queryable,
  spec: DossierSpec,
  today: string,
): Promise<PreparedDossier> {
  const data = await gatherDossier(db, spec.subject, today);
  const format = formatIn(spec.language);
  const naming = buildNaming(data.people, spec.redaction, format.say);
  const named = namedIn(data, naming);
  const scope = templateConsentScope[spec.template];
  return {
    spec,
    data,
    format,
    naming,
    named,
    scope,
    gaps: consentGaps(named, data.consents, scope),
  };
}

/** The reply names who lacks consent by id (the UI shows the labels from `dossiers.check`). */
export function assertConsented(prepared: PreparedDossier): void {
  if (prepared.gaps.length === 0) return;
  const fields = Object.fromEntries(prepared.gaps.map((gap) => [gap.id, gap.reason]));
  throw new AppFailure('consent_missing', { fields });
}

/**
 * The worded document with every hidden name replaced, then checked once more string by string:
 * a field this code forgot to pass through the redactor fails here, not in a lawyer's inbox.
 */
export function redactedDocument(
  prepared: PreparedDossier,
  request: z.infer<typeof dossierRequest>,
  author: { displayName: string; officeName: string },
  today: string,
): DossierDocument {
  const composed = composeDossier({
    data: prepared.data,
    template: prepared.spec.template,
    request,
    redaction: prepared.spec.redaction,
    naming: prepared.naming,
    named: prepared.named,
    format: prepared.format,
    author,
    today,
  });
  const names = redactor(prepared.naming.hidden);
  const document = mapDocument(composed, names.redact);
  if (documentStrings(document).some(names.leaks)) throw new AppFailure('internal');
  return document;
}

export interface GeneratedDossier extends SavedFile {
  pages: number;
  pdfSha256: string;
}

/** Render off the main thread, then save plain or encrypted at the chosen path. */
export async function renderAndSave(
  db: Database,
  document: DossierDocument,
  runtime: RenderRuntime,
  path: string,
  to: DossierDestination,
): Promise<GeneratedDossier> {
  const { pdf, pages } = await renderInWorker(document, runtime);
  const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
  const saved = await saveDossier(db, pdf, path, to);
  pdf.fill(0);
  return { ...saved, pages, pdfSha256 };
}
