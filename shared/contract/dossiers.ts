import { z } from 'zod';
import { consentScope } from '../vocabularies';
import { passphraseField } from './fields';
import { idField, LIST_MAX, longText, mediumText } from './record-fields';

export const dossierTemplates = ['iachr', 'protection_mechanism', 'general'] as const;
export type DossierTemplate = (typeof dossierTemplates)[number];

/**
 * The consent a destination needs (DOMAIN.md, consent scopes). A general dossier goes to
 * prosecutors and courts, so it needs consent to litigation.
 */
export const templateConsentScope = {
  iachr: 'iachr',
  protection_mechanism: 'protection_mechanism',
  general: 'litigation',
} as const satisfies Record<DossierTemplate, z.infer<typeof consentScope.schema>>;

/** One case, or one defender across every case where she is a victim. */
export const dossierSubject = z.union([
  z.strictObject({ caseId: idField }),
  z.strictObject({ personId: idField }),
]);

/**
 * Chosen at generation. The named people are shown by pseudonym (or as "protected person N"
 * when they have none); contact channels and exact places are left out unless asked for.
 * Places are always given at municipality level otherwise.
 */
export const redactionProfile = z.strictObject({
  pseudonymize: z.array(idField).max(LIST_MAX),
  includeContacts: z.boolean(),
  includeExactPlaces: z.boolean(),
});
export type RedactionProfile = z.infer<typeof redactionProfile>;

/** What only the lawyer can write: it goes into the PDF as typed. */
export const dossierRequest = z.strictObject({
  summary: longText,
  measuresRequested: longText,
  /** The link between her work and the risk (the defender's profile section). */
  workRiskLink: longText,
  /** Context the records cannot give (optional; counts are added from the database). */
  context: mediumText,
});

const dossierSpec = {
  subject: dossierSubject,
  template: z.enum(dossierTemplates),
  language: z.enum(['es', 'en']),
  redaction: redactionProfile,
};

/** Someone named in a dossier (or an export) whose consent does not cover it. */
export const consentGapSchema = z.strictObject({
  kind: z.enum(['person', 'collective']),
  id: idField,
  /** How the dossier would show her (already redacted); for an export, her name. */
  label: z.string(),
  /** `no_consent`: none unrevoked for the scope; `identity`: it allows less than shown. */
  reason: z.enum(['no_consent', 'identity']),
});
export type ConsentGap = z.infer<typeof consentGapSchema>;

export const dossierOperations = {
  /** Who would be named, and whose consent is missing, before generating. */
  'dossiers.check': {
    input: z.strictObject(dossierSpec),
    output: z.strictObject({
      scope: consentScope.schema,
      named: z.number().int(),
      gaps: z.array(consentGapSchema),
      aggressionCount: z.number().int(),
      evidenceCount: z.number().int(),
    }),
  },
  /**
   * Gather, check consent (`consent_missing`, with `fields` = `{ <id>: reason }`), render in a
   * worker, then save where main's dialog says: age-encrypted to partners or a passphrase, or a
   * plain PDF only with `plain: true`. `null` when the user cancelled the save dialog.
   */
  'dossiers.generate': {
    input: z.strictObject({
      ...dossierSpec,
      request: dossierRequest,
      to: z.union([
        z.strictObject({
          partners: z
            .array(z.string().regex(/^[0-9a-f]{64}$/))
            .min(1)
            .max(50),
        }),
        z.strictObject({ passphrase: passphraseField }),
        z.strictObject({ plain: z.literal(true) }),
      ]),
    }),
    output: z
      .strictObject({
        encrypted: z.boolean(),
        size: z.number().int(),
        /** SHA-256 of the file written (also in the audit log). */
        sha256: z.string(),
        pages: z.number().int(),
      })
      .nullable(),
  },
} as const;
