import { z } from 'zod';
import { custodyAction } from '../vocabularies';
import { empty, idField, idInput, mediumText, stamps } from './record-fields';

export const evidenceItemSchema = z.strictObject({
  id: idField,
  caseId: idField,
  originalName: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  /** SHA-256 of the original, computed at intake: show it, put it in dossiers. */
  sha256: z.string(),
  description: z.string(),
  addedBy: z.string(),
  ...stamps,
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const custodyEntrySchema = z.strictObject({
  id: idField,
  evidenceId: idField,
  action: custodyAction.schema,
  actor: z.string(),
  at: z.string(),
  hashOk: z.boolean(),
  sha256: z.string().nullable(),
  /** The other office, for `export` and `import` entries. */
  counterpart: z.string().nullable(),
  /**
   * Where it happened, when at another office (the entry came with the evidence): that office's
   * name among the partners, or null for one that is not. Null: at this office.
   */
  office: z.strictObject({ name: z.string().nullable() }).nullable(),
});
export type CustodyEntry = z.infer<typeof custodyEntrySchema>;

/** A file the user picked in the native dialog: the renderer gets a token, never the path. */
export const chosenFileSchema = z.strictObject({
  token: idField,
  name: z.string(),
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
});

export const evidenceOperations = {
  /** Opens the native file dialog in main. An empty list: the user cancelled. */
  'evidence.chooseFiles': { input: empty, output: z.array(chosenFileSchema) },
  /**
   * Stream one chosen file into encrypted storage (progress: event `evidence.progress` with the
   * token). Fails with `cancelled` after `evidence.cancelIntake`; nothing is left behind then.
   */
  'evidence.intake': {
    input: z.strictObject({ caseId: idField, token: idField, description: mediumText }),
    output: evidenceItemSchema,
  },
  'evidence.cancelIntake': { input: z.strictObject({ token: idField }), output: empty },
  'evidence.list': {
    input: z.strictObject({ caseId: idField }),
    output: z.array(evidenceItemSchema),
  },
  /**
   * Save a decrypted copy where the user chooses (native dialog; the UI warns first). The hash is
   * re-checked, the copy read back from the drive and hashed again, and the copy recorded in the
   * chain of custody; `evidence_corrupt` when the item is damaged, `export_not_verified` when the
   * drive did not give back what was written. `token` (made by the caller) names the job:
   * progress comes as `evidence.progress` with it, and `evidence.cancelCopy` with it stops the
   * copy (`cancelled`; no file is left).
   */
  'evidence.saveCopy': {
    input: z.strictObject({ id: idField, token: idField }),
    output: z.strictObject({ saved: z.boolean(), sha256: z.string().nullable() }),
  },
  'evidence.cancelCopy': { input: z.strictObject({ token: idField }), output: empty },
  /** Image bytes for an in-app preview (PNG, JPEG, GIF, WebP; ≤ 20 MB); no plaintext on disk. */
  'evidence.preview': {
    input: idInput,
    output: z.strictObject({ mediaType: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  'evidence.custody': { input: idInput, output: z.array(custodyEntrySchema) },
  /** Removes the row (and with it the key: crypto-shredding) and then the encrypted file. */
  'evidence.delete': { input: idInput, output: empty },
} as const;
