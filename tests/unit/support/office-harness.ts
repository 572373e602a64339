import { type Input, type OperationName, type Output } from '../../../shared/contract';
import { type CoreAdapters } from '../../../electron/core/adapters';
import { createCore } from '../../../electron/core/create-core';
import { type ExchangeOptions } from '../../../electron/handlers/exchange-handlers';
import { type DetectedDrive } from '../../../electron/drives/drive-types';
import { openDatabase } from '../../../electron/database/open-database';
import { type Database } from '../../../electron/database/sqlite';
import { KDF_MINIMUM } from '../../../electron/vault/kdf';
import { openWithPassphrase } from '../../../electron/vault/vault';
import { vaultPaths } from '../../../electron/vault/vault-paths';
import { STRONG_PASSPHRASE } from './test-core';

/**
 * A vault in `dir` whose dialogs answer what the caller put in `choose` (paths never come from
 * input). Free of vitest, so benches drive the same core.
 */
export async function startOfficeIn(dir: string, officeName: string, exchange?: ExchangeOptions) {
  const office = await officeCoreIn(dir, exchange);
  await office.op('vault.create', {
    officeName,
    displayName: 'Ana Documentadora',
    passphrase: STRONG_PASSPHRASE,
  });
  return office;
}

/** The core of the vault in `dir` (made or unlocked by the caller), with scripted dialogs. */
export async function officeCoreIn(dir: string, exchange?: ExchangeOptions) {
  const choose = {
    folder: null as string | null,
    file: null as string | null,
    save: null as string | null,
    open: [] as string[],
    drives: [] as DetectedDrive[],
  };
  const events: { name: string; payload: unknown }[] = [];
  /** Called as each event is emitted, before main goes on (a test cancels a job at a point). */
  const listeners: ((name: string, payload: unknown) => void)[] = [];
  let clipboard = '';
  const adapters: CoreAdapters = {
    clipboard: { readText: async () => clipboard, writeText: async (t) => void (clipboard = t) },
    emit: (name, payload) => {
      events.push({ name, payload });
      for (const listener of listeners) listener(name, payload);
    },
    log: () => undefined,
    dialogs: {
      chooseFilesToOpen: async () => choose.open,
      chooseSavePath: async () => choose.save,
      chooseExportFolder: async () => choose.folder,
      chooseImportFile: async () => choose.file,
    },
    drives: { list: async () => choose.drives },
  };
  const core = await createCore({
    dataDir: dir,
    adapters,
    defaultLanguage: 'es',
    kdf: KDF_MINIMUM,
    ...(exchange ? { exchange } : {}),
  });
  async function op<O extends OperationName>(operation: O, input: Input<O>): Promise<Output<O>> {
    const reply = await core.dispatch(operation, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error.code), { code: reply.error.code });
    return reply.value as Output<O>;
  }
  return { dir, core, op, choose, events, listeners, clipboard: () => clipboard };
}
export type Office = Awaited<ReturnType<typeof startOfficeIn>>;

/** `a` and `b` import and verify each other's cards. */
export async function swapVerifiedCards(a: Office, b: Office) {
  const cardA = await a.op('office.card', {});
  const cardB = await b.op('office.card', {});
  const bInA = await a.op('partners.importCard', { text: cardB.text });
  const aInB = await b.op('partners.importCard', { text: cardA.text });
  await a.op('partners.verify', { fingerprint: bInA!.fingerprint });
  await b.op('partners.verify', { fingerprint: aInB!.fingerprint });
  return { cardA, cardB };
}

/** The vault's database opened straight, the vault locked meanwhile, then unlocked again. */
export async function withVaultDatabase<T>(office: Office, use: (db: Database) => Promise<T>) {
  await office.op('vault.lock', {});
  const key = await openWithPassphrase(vaultPaths(office.dir), STRONG_PASSPHRASE);
  const db = await openDatabase(vaultPaths(office.dir).databaseFile, key);
  try {
    return await use(db);
  } finally {
    await db.close();
    await office.op('vault.unlock', { passphrase: STRONG_PASSPHRASE });
  }
}
