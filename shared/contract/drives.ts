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
  /** Exports found at the top of a drive, newest first. */
  'drives.files': {
    input: z.strictObject({ drive: driveIdField }),
    output: z.array(
      z.strictObject({
        name: exportFileNameField,
        size: z.number().int().nonnegative(),
        modifiedAt: z.string(),
      }),
    ),
  },
} as const;
