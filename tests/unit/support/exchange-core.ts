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
