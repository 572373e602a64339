import { z } from 'zod';

/** What main hands out for a drive: an opaque id, never its mount point. */
export const driveIdField = z.string().regex(/^[0-9a-f]{16}$/);

export const driveSchema = z.strictObject({
  id: driveIdField,
  label: z.string(),
  size: z.number().int().nonnegative().nullable(),
  free: z.number().int().nonnegative().nullable(),
});
export type DriveView = z.infer<typeof driveSchema>;

/** The names our exports get (`rg-<8 hex>.age`, or its first part): nothing else is offered. */
export const exportFileNameField = z.string().regex(/^rg-[0-9a-f]{8}\.age(\.001)?$/);

export const driveOperations = {
  /** Removable drives plugged in now; `drives.changed` says when the list changes. */
  'drives.list': { input: z.strictObject({}), output: z.array(driveSchema) },
  /**
   * Exports found at the top of a drive, newest first, each with what can be known without
   * decrypting it whole: `state` from its header (`passphrase`, `other_offices`: for partner
   * offices, not this one; `for_this_office`), `unreadable` when it is not an export or is
   * damaged, `not_a_file` for a folder, link, device or pipe under an export's name. Of a file
   * for this office, its signed envelope names the sender (`self`: this office's own file) and
   * the date; null for files from before the envelope.
   */
  'drives.files': {
    input: z.strictObject({ drive: driveIdField }),
    output: z.array(
      z.strictObject({
        name: exportFileNameField,
        size: z.number().int().nonnegative(),
        modifiedAt: z.string(),
        state: z.enum([
          'not_a_file',
          'unreadable',
          'passphrase',
          'other_offices',
          'for_this_office',
        ]),
        sender: z
          .strictObject({
            name: z.string(),
            status: z.enum(['self', 'verified', 'unverified', 'unknown']),
          })
          .nullable(),
        createdAt: z.string().nullable(),
      }),
    ),
  },
} as const;
