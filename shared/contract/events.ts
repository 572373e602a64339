import { z } from 'zod';
import { driveSchema } from './drives';

export const lockReasonSchema = z.enum(['user', 'idle', 'suspend', 'screen', 'panic']);
export type LockReason = z.infer<typeof lockReasonSchema>;

/** Pushed from main to the renderer; each with the schema of its payload. */
export const events = {
  'vault.locked': z.strictObject({ reason: lockReasonSchema }),
  'exchange.progress': z.strictObject({
    jobId: z.string(),
    /**
     * Export: writing, verifying; import: checking (the preview, in bytes), then comparing (its
     * records with ours, in records); storing (the apply's evidence, in bytes), then saving (its
     * records, in records).
     */
    phase: z.enum(['writing', 'verifying', 'checking', 'comparing', 'storing', 'saving']),
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  /** Bytes of a chosen file encrypted so far (`evidence.intake`, keyed by its token). */
  'evidence.progress': z.strictObject({
    token: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    /** A saved copy being read back from its drive (done and total of that pass). */
    checking: z.boolean(),
  }),
  /** A removable drive was plugged in or out: the whole new list. */
  'drives.changed': z.strictObject({ drives: z.array(driveSchema) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];
