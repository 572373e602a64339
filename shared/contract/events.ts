import { z } from 'zod';

export const lockReasonSchema = z.enum(['user', 'idle', 'suspend', 'screen', 'panic']);
export type LockReason = z.infer<typeof lockReasonSchema>;

/** Pushed from main to the renderer; each with the schema of its payload. */
export const events = {
  'vault.locked': z.strictObject({ reason: lockReasonSchema }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];
