import { type EventName, type EventPayload } from '../../shared/contract';

/**
 * Side effects the handlers need, given to them from outside: Electron's in the app,
 * the test host's own in tests. Nothing here imports `electron`.
 */
export interface ClipboardAdapter {
  readText(): string;
  writeText(text: string): void;
}

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type Log = (message: string, details?: Record<string, unknown>) => void;

export interface CoreAdapters {
  clipboard: ClipboardAdapter;
  emit: EmitEvent;
  log: Log;
}
