import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { consentSchema, type Consent } from '../../shared/contract/people';
import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { fromRow, insertRow, toColumns, withForeignKeys } from './sql-rows';

export type ConsentFields = Omit<
  Consent,
  'id' | 'revokedAt' | 'createdAt' | 'updatedAt' | 'recordedBy'
>;
export const CONSENT_TEXT_FIELDS = ['notes'] as const;

export async function insertConsent(
  tx: Queryable,
  fields: ConsentFields,
  recordedBy: string,
  at = new Date().toISOString(),
): Promise<string> {
  const id = randomUUID();
  await withForeignKeys('not_found', () =>
    insertRow(tx, 'consents', {
      id,
      ...toColumns(fields),
      recorded_by: recordedBy,
      created_at: at,
      updated_at: at,
    }),
  );
  return id;
}

/** A revocation is dated, never a deletion: the record of what was consented to stays. */
export async function revokeConsent(
  tx: Queryable,
  id: string,
  at = new Date().toISOString(),
): Promise<void> {
  const result = await tx.run(
    'UPDATE consents SET revoked_at = ?, updated_at = ? WHERE id = ? AND revoked_at IS NULL',
    [at, at, id],
  );
  if (result.changes === 0) {
    const exists = await tx.get('SELECT 1 FROM consents WHERE id = ?', [id]);
    throw new AppFailure(exists ? 'conflict' : 'not_found');
  }
}

export async function getConsent(db: Queryable, id: string): Promise<Consent> {
  const row = await db.get('SELECT * FROM consents WHERE id = ?', [id]);
  if (!row) throw new AppFailure('not_found');
  return consentSchema.parse(fromRow(row));
}

export async function listConsents(
  db: Queryable,
  owner: { personId?: string | undefined; collectiveId?: string | undefined },
): Promise<Consent[]> {
  const rows = owner.personId
    ? await db.all('SELECT * FROM consents WHERE person_id = ? ORDER BY given_on, created_at', [
        owner.personId,
      ])
    : await db.all('SELECT * FROM consents WHERE collective_id = ? ORDER BY given_on, created_at', [
        owner.collectiveId ?? '',
      ]);
  return z.array(consentSchema).parse(rows.map((r) => fromRow(r)));
}
