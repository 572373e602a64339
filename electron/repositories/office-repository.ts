import { type Queryable } from '../database/sqlite';

export interface Office {
  officeName: string;
  displayName: string;
}

export async function insertOffice(tx: Queryable, office: Office, at = new Date()): Promise<void> {
  await tx.run(
    'INSERT INTO office (id, office_name, display_name, created_at) VALUES (1, ?, ?, ?)',
    [office.officeName, office.displayName, at.toISOString()],
  );
}

export async function readOffice(db: Queryable): Promise<Office> {
  const row = await db.get('SELECT office_name, display_name FROM office WHERE id = 1');
  return {
    officeName: String(row?.['office_name'] ?? ''),
    displayName: String(row?.['display_name'] ?? ''),
  };
}

export async function readVaultState(db: Queryable, key: string): Promise<string | null> {
  const row = await db.get('SELECT value FROM vault_state WHERE key = ?', [key]);
  return row ? String(row['value']) : null;
}

export async function writeVaultState(tx: Queryable, key: string, value: string): Promise<void> {
  await tx.run(
    'INSERT INTO vault_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    [key, value],
  );
}

export const RECOVERY_CONFIRMED = 'recovery_key_confirmed';
