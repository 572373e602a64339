import { z } from 'zod';
import { empty, idField } from './record-fields';

export const auditEntrySchema = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /**
   * For create/update: `set` (field → new value, codes, dates and flags) and `textChanged` (names
   * of free-text fields whose content is not copied into the append-only log). Ids only for delete.
   */
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditHistoryEntry = z.infer<typeof auditEntrySchema>;

export const auditOperations = {
  /** Entries about one record; for a case, also those about its parts. Oldest first. */
  'audit.history': {
    input: z.strictObject({ entityId: idField }),
    output: z.array(auditEntrySchema),
  },
  'audit.verify': {
    input: empty,
    output: z.union([
      z.strictObject({ intact: z.literal(true), entries: z.number().int() }),
      z.strictObject({ intact: z.literal(false), firstBrokenSeq: z.number().int() }),
    ]),
  },
} as const;
