import {
  type EventName,
  type EventPayload,
  type Input,
  type OperationName,
  type Output,
} from '../../../shared/contract';
import { type CoreAdapters } from '../../../electron/core/adapters';
import { type EvidenceOptions } from '../../../electron/handlers/evidence-handlers';
import { createCore, type Core } from '../../../electron/core/create-core';
import { KDF_MINIMUM } from '../../../electron/vault/kdf';
import { STRONG_PASSPHRASE } from './test-core';
import { tempDir } from './temp-dir';

export const DISPLAY_NAME = 'Marta Documentadora';

export interface RecordsCore {
  core: Core;
  dir: string;
  events: { name: EventName; payload: unknown }[];
  /** What the fake native dialogs answer next (set by the test). */
  dialogs: { open: string[]; save: string | null };
  /** Called on every event, e.g. to cancel an intake on its first progress report. */
  onEvent: (name: EventName, payload: unknown) => void;
  call(operation: string, input?: unknown): Promise<unknown>;
  /** A typed call: input and output are the contract's. */
  op<O extends OperationName>(operation: O, input: Input<O>): Promise<Output<O>>;
}

/**
 * A real core with a fresh, unlocked vault in its own temporary folder (removed after the test;
 * pass a folder of your own for a core shared by several tests), with fake file dialogs.
 * `unlock`: open the vault already in the folder instead of creating one.
 */
export async function startRecordsCore(
  folder?: string,
  options: { unlock?: boolean; evidence?: EvidenceOptions } = {},
): Promise<RecordsCore> {
  const dir = folder ?? (await tempDir());
  const clipboard = { text: '' };
  const state: Pick<RecordsCore, 'events' | 'dialogs' | 'onEvent'> = {
    events: [],
    dialogs: { open: [], save: null },
    onEvent: () => undefined,
  };
  const adapters: CoreAdapters = {
    clipboard: {
      readText: async () => clipboard.text,
      writeText: async (text) => {
        clipboard.text = text;
      },
    },
    emit: <E extends EventName>(name: E, payload: EventPayload<E>) => {
      state.events.push({ name, payload });
      running.onEvent(name, payload);
    },
    log: () => undefined,
    dialogs: {
      chooseFilesToOpen: async () => running.dialogs.open,
      chooseSavePath: async () => running.dialogs.save,
    },
  };
  const core = await createCore({
    dataDir: dir,
    adapters,
    defaultLanguage: 'es',
    kdf: KDF_MINIMUM,
    evidence: options.evidence,
  });
  async function call(operation: string, input: unknown = {}) {
    const reply = await core.dispatch(operation, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error.code), { appError: reply.error });
    return reply.value;
  }
  const running: RecordsCore = {
    ...state,
    core,
    dir,
    call,
    op: async (operation, input) => (await call(operation, input)) as Output<typeof operation>,
  };
  if (options.unlock) await call('vault.unlock', { passphrase: STRONG_PASSPHRASE });
  else {
    await call('vault.create', {
      officeName: 'Red de Defensoras del Istmo',
      displayName: DISPLAY_NAME,
      passphrase: STRONG_PASSPHRASE,
    });
  }
  return running;
}
