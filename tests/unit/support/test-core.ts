import { type EventName, type EventPayload } from '../../../shared/contract';
import { type CoreAdapters } from '../../../electron/core/adapters';
import { createCore, type Core } from '../../../electron/core/create-core';
import { KDF_MINIMUM } from '../../../electron/vault/kdf';

export const STRONG_PASSPHRASE = 'río lento bajo siete puentes de cal';
export const OTHER_STRONG_PASSPHRASE = 'la garza azul cruza el pantano al alba';

export interface TestCore {
  core: Core;
  events: { name: EventName; payload: unknown }[];
  clipboard: { text: string };
  logs: string[];
  call(operation: string, input?: unknown): Promise<unknown>;
}

/** A real core on a real folder, with the cheapest KDF the vault accepts (tests stay fast). */
export async function startTestCore(dataDir: string): Promise<TestCore> {
  const events: TestCore['events'] = [];
  const clipboard = { text: '' };
  const logs: string[] = [];
  const adapters: CoreAdapters = {
    clipboard: {
      readText: async () => clipboard.text,
      writeText: async (t) => {
        clipboard.text = t;
      },
    },
    emit: <E extends EventName>(name: E, payload: EventPayload<E>) =>
      events.push({ name, payload }),
    log: (message) => logs.push(message),
  };
  const core = await createCore({ dataDir, adapters, defaultLanguage: 'es', kdf: KDF_MINIMUM });
  return {
    core,
    events,
    clipboard,
    logs,
    /** Call an operation and return its value, throwing the AppError on failure. */
    async call(operation, input = {}) {
      const reply = await core.dispatch(operation, input);
      if (!reply.ok) throw Object.assign(new Error(reply.error.code), { appError: reply.error });
      return reply.value;
    },
  };
}

export async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code: string; retryAfterMs?: number; fields?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && 'appError' in error) {
      return error.appError as { code: string };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}
