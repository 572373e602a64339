import { z } from 'zod';
import { empty } from './record-fields';

/**
 * What a user is typing into a long form (a case, a profile), kept in the encrypted database so
 * that a lock, a crash or a closed window costs nothing. Scratch, not a record: not audited, and
 * discarded when the form is saved or the user throws it away.
 */
export const DRAFT_MAX_CHARS = 900_000;

/** `case:new`, `case:<uuid>`, `person:new`…: the form and, when editing, the record's id. */
export const draftKeyField = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z-]*:[a-z0-9-]{1,64}$/, 'invalid');

export const draftOperations = {
  /** Replace the draft of one form (the renderer saves as the user types, debounced). */
  'drafts.save': {
    input: z.strictObject({ formKey: draftKeyField, data: z.string().max(DRAFT_MAX_CHARS) }),
    output: empty,
  },
  /** The saved draft, or null. `data` is whatever the form saved (JSON text). */
  'drafts.get': {
    input: z.strictObject({ formKey: draftKeyField }),
    output: z.strictObject({ data: z.string(), updatedAt: z.string() }).nullable(),
  },
  'drafts.discard': { input: z.strictObject({ formKey: draftKeyField }), output: empty },
} as const;
