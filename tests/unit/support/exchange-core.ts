import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Row } from '../../../electron/database/sqlite';
import { type Office, startOfficeIn, swapVerifiedCards, withVaultDatabase } from './office-harness';
import { tempDir } from './temp-dir';

/** A vault in a folder removed after the test (office-harness.ts). */
export const startOffice = async (officeName: string) => startOfficeIn(await tempDir(), officeName);
export type { Office };

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && 'code' in error) return String(error.code);
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Two offices that imported and verified each other's cards. */
export async function partneredOffices() {
  const a = await startOffice('Red de Defensoras del Istmo');
  const b = await startOffice('Oficina Tegucigalpa');
  return { a, b, ...(await swapVerifiedCards(a, b)) };
}

/** Rows read straight from the vault's database (locked meanwhile, then unlocked again). */
export function vaultRows(office: Office, sql: string, params: string[] = []): Promise<Row[]> {
  return withVaultDatabase(office, (db) => db.all(sql, params));
}

/** Everything `from` holds, exported to these partners (any sharing gaps accepted): the file's path. */
export async function sendAll(from: Office, partners: string[]): Promise<string> {
  const scope = { all: true as const };
  const check = await from.op('exchange.exportCheck', { scope });
  const folder = await tempDir();
  from.choose.folder = folder;
  await from.op('exchange.export', {
    jobId: randomUUID(),
    scope,
    to: { partners },
    ...(check.token ? { acceptedGaps: check.token } : {}),
  });
  return join(folder, (await readdir(folder))[0]!);
}
