import { z } from 'zod';
import { consentGapSchema } from './dossiers';
import { driveIdField, exportFileNameField } from './drives';
import { nameField, passphraseField } from './fields';

const empty = z.strictObject({});
const fingerprintField = z.string().regex(/^[0-9a-f]{64}$/);
const jobIdField = z.uuid();

const exportScopeSchema = z.union([
  z.strictObject({ all: z.literal(true) }),
  z.strictObject({ caseIds: z.array(z.uuid()).min(1).max(10_000) }),
]);

export const officeCardSchema = z.strictObject({
  name: z.string(),
  ageRecipient: z.string(),
  signingPublic: z.string(),
  fingerprint: z.string(),
  /** Six groups of four digits, to read aloud over the phone. */
  spokenFingerprint: z.string(),
  /** The card file's content. */
  text: z.string(),
});

export const partnerSchema = z.strictObject({
  fingerprint: z.string(),
  spokenFingerprint: z.string(),
  name: z.string(),
  cardName: z.string(),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  addedAt: z.string(),
});
export type PartnerView = z.infer<typeof partnerSchema>;

const countsSchema = z.strictObject({
  new: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  conflict: z.number().int(),
  /** Deleted here since it was exchanged with the sender: not brought back. */
  deleted: z.number().int(),
});

export const senderStatusSchema = z.enum(['verified', 'unverified', 'unknown', 'self']);

export const importPreviewSchema = z.strictObject({
  importId: z.uuid(),
  sender: z.strictObject({
    name: z.string(),
    fingerprint: z.string(),
    spokenFingerprint: z.string(),
    status: senderStatusSchema,
  }),
  /** Unknown or unverified sender: the user must accept explicitly before applying. */
  needsAcceptance: z.boolean(),
  createdAt: z.string(),
  counts: countsSchema,
  evidenceCount: z.number().int(),
  /**
   * Cases, people and collectives held here that the sender says it no longer has (deleted
   * there). Applying keeps them, with a notice on their page.
   */
  deletedThere: z.number().int(),
  /** Parts of records held here that the sender removed: applying removes them here too. */
  removedThere: z.number().int(),
  /** Of those, parts changed here since (or with parts added here): applying keeps them. */
  keptChangedHere: z.number().int(),
  /**
   * Conflicts waiting with the sender that applying closes: it now sends the same version as
   * here (or the one last shared), or removed the part.
   */
  conflictsSettled: z.number().int(),
  /**
   * The cases, people and collectives the file brings, grouped by what applying does to each
   * (or to any of its parts), named as the app names them: a person marked restricted only by
   * her pseudonym (`protected`: she has none, and no name is shown). The first 500; the counts
   * cover all.
   */
  arriving: z.strictObject({
    counts: z.strictObject({
      new: z.number().int(),
      updated: z.number().int(),
      conflicting: z.number().int(),
      unchanged: z.number().int(),
    }),
    items: z
      .array(
        z.strictObject({
          kind: z.enum(['cases', 'people', 'collectives']),
          id: z.string(),
          group: z.enum(['new', 'updated', 'conflicting', 'unchanged']),
          label: z.string(),
          shownAs: z.enum(['title', 'name', 'pseudonym', 'protected']),
        }),
      )
      .max(500),
  }),
  /** The first records, with what applying would do to each (the counts cover all). */
  records: z
    .array(
      z.strictObject({
        kind: z.string(),
        id: z.string(),
        /** `removed`/`keptHere`: a part the sender removed (`removedThere`, `keptChangedHere`). */
        verdict: z.enum([
          'new',
          'update',
          'unchanged',
          'conflict',
          'deleted',
          'removed',
          'keptHere',
        ]),
      }),
    )
    .max(500),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const fieldValue = z.union([z.string(), z.number(), z.null(), z.array(z.string())]);

export const conflictVersionsSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  recordId: z.string(),
  officeName: z.string(),
  createdAt: z.string(),
  /** False when the local row was deleted since: taking theirs creates it again. */
  localExists: z.boolean(),
  /**
   * What it belongs to (its case, aggression, assessment…) was deleted here since: theirs can no
   * longer be taken, only ours kept.
   */
  ownerDeletedHere: z.boolean(),
  fields: z.array(
    z.strictObject({
      field: z.string(),
      local: fieldValue,
      incoming: fieldValue,
      differs: z.boolean(),
    }),
  ),
});
export type ConflictVersions = z.infer<typeof conflictVersionsSchema>;

export const exchangeOperations = {
  'office.card': { input: empty, output: officeCardSchema },
  /** Main asks where to save the card file; `saved: false` when the user cancelled. */
  'office.saveCard': { input: empty, output: z.strictObject({ saved: z.boolean() }) },
  'office.copyCard': { input: empty, output: empty },
  /** From `text` when given (pasted), else from a file the user chooses in main's dialog. */
  'partners.importCard': {
    input: z.strictObject({
      text: z
        .string()
        .max(16 * 1024)
        .optional(),
    }),
    output: partnerSchema.nullable(),
  },
  'partners.list': { input: empty, output: z.array(partnerSchema) },
  /** The user confirmed the spoken fingerprint with the other office out of band. */
  'partners.verify': {
    input: z.strictObject({ fingerprint: fingerprintField }),
    output: partnerSchema,
  },
  'partners.rename': {
    input: z.strictObject({ fingerprint: fingerprintField, name: nameField }),
    output: partnerSchema,
  },
  'partners.remove': { input: z.strictObject({ fingerprint: fingerprintField }), output: empty },
  /**
   * The handoff screen opened: main boots the threads an export or an import will run on, so
   * the job the user starts next does not wait for them.
   */
  'exchange.prepare': { input: empty, output: empty },
  /**
   * Before an export to partner offices: the people and collectives it would carry, and those
   * without an unrevoked consent to share with allied organizations that lets them be named
   * (the first 200 listed with their names; `token` names the whole list).
   */
  'exchange.exportCheck': {
    input: z.strictObject({
      scope: exportScopeSchema,
      /**
       * The offices chosen so far: whoever came from exactly these offices goes back where she
       * came from, which asks no new consent. Without it, every office is new.
       */
      partners: z.array(fingerprintField).max(50).optional(),
    }),
    output: z.strictObject({
      people: z.number().int(),
      collectives: z.number().int(),
      gaps: z.array(consentGapSchema),
      gapCount: z.number().int(),
      token: z.string().nullable(),
    }),
  },
  /**
   * Export to the chosen drive, or to a folder main asks for. Progress arrives as
   * `exchange.progress` events with this `jobId`; `exchange.cancel` with it stops and removes
   * the file. Returns once the file was read back and verified; `null` when the user cancelled
   * the folder choice.
   */
  'exchange.export': {
    input: z.strictObject({
      jobId: jobIdField,
      scope: exportScopeSchema,
      to: z.union([
        z.strictObject({ partners: z.array(fingerprintField).min(1).max(50) }),
        z.strictObject({ passphrase: passphraseField }),
      ]),
      /** A drive from `drives.list`; without it main asks for a folder. */
      drive: driveIdField.optional(),
      /**
       * To partners, people without consent travel only when this is the `token` of the
       * `exchange.exportCheck` the user accepted; else `consent_missing` (`fields`: id → reason).
       */
      acceptedGaps: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
    output: z
      .strictObject({
        fileName: z.string(),
        parts: z.number().int(),
        size: z.number().int(),
        recordCount: z.number().int(),
        evidenceCount: z.number().int(),
      })
      .nullable(),
  },
  'exchange.cancel': { input: z.strictObject({ jobId: jobIdField }), output: empty },
  /**
   * Choose a file (main's dialog), decrypt and verify all of it, and say what applying it would
   * do. Nothing is written to the records. `null` when the user cancelled the file choice.
   */
  'exchange.preview': {
    input: z.strictObject({
      /** Progress as `exchange.progress` events (phase `checking`); `exchange.cancel` stops it. */
      jobId: jobIdField.optional(),
      passphrase: passphraseField.optional(),
      /** A file from `drives.files`; without it main asks for a file. */
      fromDrive: z.strictObject({ drive: driveIdField, name: exportFileNameField }).optional(),
    }),
    output: importPreviewSchema.nullable(),
  },
  'exchange.apply': {
    input: z.strictObject({
      importId: z.uuid(),
      acceptUnverified: z.boolean(),
      /** Progress as `exchange.progress` events (phase `storing`); `exchange.cancel` stops it. */
      jobId: jobIdField.optional(),
    }),
    output: z.strictObject({ counts: countsSchema, evidenceCount: z.number().int() }),
  },
  'exchange.discard': { input: z.strictObject({ importId: z.uuid() }), output: empty },
  /** Records changed on both sides, waiting for someone to choose. */
  'exchange.conflicts': {
    input: empty,
    output: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.string(),
        recordId: z.string(),
        officeName: z.string(),
        createdAt: z.string(),
      }),
    ),
  },
  /**
   * Where a case, person or collective came from (the office it was last received from) and
   * which offices hold a copy (`name` null: an office no longer among the partners).
   */
  'exchange.provenance': {
    input: z.strictObject({ kind: z.enum(['cases', 'people', 'collectives']), id: z.uuid() }),
    output: z.strictObject({
      receivedFrom: z
        .strictObject({ officeName: z.string(), exportedAt: z.string(), importedAt: z.string() })
        .nullable(),
      exchangedWith: z.array(z.strictObject({ name: z.string().nullable() })),
      /** Offices whose export said they no longer have it: our copy stays. */
      deletedThere: z.array(z.strictObject({ officeName: z.string(), exportedAt: z.string() })),
    }),
  },
  /**
   * A record's settled conflicts, newest first: both versions as they stood, field by field,
   * beside the one chosen (`resolved` null: it stayed deleted here), who chose and when.
   */
  'exchange.recordHistory': {
    input: z.strictObject({ kind: z.string().regex(/^[a-z_]{1,40}$/), id: z.uuid() }),
    output: z.array(
      z.strictObject({
        conflictId: z.string(),
        officeName: z.string(),
        resolvedAt: z.string(),
        resolvedBy: z.string().nullable(),
        fields: z.array(
          z.strictObject({
            field: z.string(),
            local: fieldValue,
            incoming: fieldValue,
            resolved: fieldValue,
          }),
        ),
      }),
    ),
  },
  /** One conflict's two versions, field by field, for a side-by-side view. */
  'exchange.conflict': {
    input: z.strictObject({ conflictId: z.uuid() }),
    output: conflictVersionsSchema,
  },
  /**
   * Keep our version, take the other office's (written as an import would, with its origin), or
   * choose field by field (ours, theirs, or a value typed anew; a field not named keeps ours).
   * Either way the result is one new version that descends from both, so it settles the same
   * conflict wherever it travels. One transaction with an audit entry; the conflict is gone
   * afterwards, both versions kept with it.
   */
  'exchange.resolveConflict': {
    input: z.union([
      z.strictObject({ conflictId: z.uuid(), keep: z.enum(['local', 'incoming']) }),
      z.strictObject({
        conflictId: z.uuid(),
        fields: z
          .record(
            z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
            z.union([z.enum(['local', 'incoming']), z.strictObject({ value: fieldValue })]),
          )
          .refine((f) => Object.keys(f).length <= 200),
      }),
    ]),
    output: empty,
  },
} as const;
