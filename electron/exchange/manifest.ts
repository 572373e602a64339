import { z } from 'zod';
import { vectorSchema } from './version-vectors';

export const FORMAT_NAME = 'resguardo-exchange';
/**
 * The newest version this app reads and writes. Version 2 adds `deleted` to the manifest and
 * `evidence_custody` records (the chain of custody of the evidence sent). Version 3 gives every
 * record its history (`v`, a version vector: version-vectors.ts), which decides how it merges;
 * every file is written as version 3, as an office without histories would merge it wrongly (an
 * older app refuses it and says to update). Files of versions 1 and 2 are still read: their
 * records compare against the base last exchanged with the sender (merge.ts, `byBase`).
 */
export const FORMAT_VERSION = 3 as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The records whose deletion travels as a notice: what a person sees and deletes as a whole. */
export const NOTICE_KINDS = ['cases', 'people', 'collectives'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const isNoticeKind = (kind: string): kind is NoticeKind =>
  (NOTICE_KINDS as readonly string[]).includes(kind);

/**
 * Parts of those records (an aggression, a perpetrator, a note, a threat…), parents before
 * children: their removal travels too, and is carried out where the part is unchanged since it
 * was exchanged (part-removals.ts). Evidence never is: a copy of a file stays until a person
 * at each office deletes it.
 */
export const PART_KINDS = [
  'consents',
  'aggressions',
  'aggression_victims',
  'perpetrators',
  'sources',
  'responses',
  'case_notes',
  'risk_assessments',
  'risk_threats',
  'risk_factors',
  'protection_measures',
] as const;
export type PartKind = (typeof PART_KINDS)[number];
export const isPartKind = (kind: string): kind is PartKind =>
  (PART_KINDS as readonly string[]).includes(kind);
export const DELETABLE_KINDS = [...NOTICE_KINDS, ...PART_KINDS] as const;
export type DeletableKind = (typeof DELETABLE_KINDS)[number];

/** The first entry, unsigned: lets an old app refuse a newer file before reading the rest. */
export const formatMarkerSchema = z.object({
  format: z.string().max(100),
  version: z.number().int().positive(),
});

export const partSchema = z.strictObject({
  name: z.string().max(100),
  size: z.number().int().nonnegative(),
  sha256,
});

export const manifestSchema = z
  .strictObject({
    format: z.literal(FORMAT_NAME),
    version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    exportId: z.uuid(),
    createdAt: z.iso.datetime(),
    sender: z.strictObject({
      name: z.string().max(200),
      fingerprint: sha256,
      ageRecipient: z.string().max(100),
      signingPublic: z.string().max(100),
    }),
    /** Per sender, strictly increasing: an older file read later is older news (import-session.ts). */
    sequence: z.number().int().positive(),
    /** Fingerprints of the offices it was encrypted to; empty for a passphrase export. */
    recipients: z.array(sha256).max(100),
    recordCount: z.number().int().nonnegative(),
    parts: z.array(partSchema).max(200_000),
    /**
     * Version 2: records the sender exchanged with a recipient before and no longer has. Of
     * cases, people and collectives the receiver keeps its copy, with a notice beside it; a part
     * of one is removed there too unless it changed there since.
     */
    deleted: z
      .array(
        z.strictObject({
          kind: z.enum(DELETABLE_KINDS),
          id: z.uuid(),
          /** Version 3: the history of the version deleted (a later one is not removed). */
          v: vectorSchema.optional(),
        }),
      )
      .max(200_000)
      .optional(),
  })
  // Only version 2 and later may carry notices.
  .refine((manifest) => manifest.version >= 2 || manifest.deleted === undefined);
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestPart = z.infer<typeof partSchema>;

export const ENTRY = {
  format: 'format.json',
  manifest: 'manifest.json',
  signature: 'manifest.sig',
} as const;

export const recordsEntryName = (index: number) =>
  `records-${String(index).padStart(4, '0')}.jsonl`;
export const evidenceEntryName = (hash: string) => `evidence/${hash}`;
export const RECORDS_ENTRY = /^records-\d{4}\.jsonl$/;
export const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{64})$/;
