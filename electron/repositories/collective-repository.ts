import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { collectiveSchema, type Collective } from '../../shared/contract/people';
import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { escapeLike } from './people-repository';
import { deleteRow, fromRow, insertRow, toColumns, updateRow, withForeignKeys } from './sql-rows';

type CollectiveFields = Omit<Collective, 'id' | 'createdAt' | 'updatedAt'>;

const JSON_COLUMNS = ['rights_defended'];
export const COLLECTIVE_TEXT_FIELDS = [
  'name',
  'description',
  'department',
  'municipality',
] as const;

export async function insertCollective(
  tx: Queryable,
  fields: CollectiveFields,
  at = new Date().toISOString(),
  id: string = randomUUID(),
): Promise<string> {
  await insertRow(tx, 'collectives', { id, ...toColumns(fields), created_at: at, updated_at: at });
  return id;
}

export async function updateCollective(
  tx: Queryable,
  id: string,
  fields: Partial<CollectiveFields>,
  at = new Date().toISOString(),
): Promise<void> {
  await updateRow(tx, 'collectives', id, toColumns(fields), at);
}

export async function getCollective(db: Queryable, id: string): Promise<Collective> {
  const row = await db.get('SELECT * FROM collectives WHERE id = ?', [id]);
  if (!row) throw new AppFailure('not_found');
  return collectiveSchema.parse(fromRow(row, { json: JSON_COLUMNS }));
}

export async function listCollectives(
  db: Queryable,
  query: { text?: string | undefined; limit: number; offset: number },
): Promise<{ rows: Collective[]; total: number }> {
  const pattern = `%${escapeLike(query.text ?? '')}%`;
  const rows = await db.all(
    `SELECT * FROM collectives WHERE name LIKE ? ESCAPE '\\'
     ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
    [pattern, query.limit, query.offset],
  );
  const count = await db.get(
    `SELECT count(*) AS n FROM collectives WHERE name LIKE ? ESCAPE '\\'`,
    [pattern],
  );
  return {
    rows: z.array(collectiveSchema).parse(rows.map((r) => fromRow(r, { json: JSON_COLUMNS }))),
    total: Number(count?.['n'] ?? 0),
  };
}

/** Refused with `conflict` while the collective is named as a victim. */
export async function deleteCollective(tx: Queryable, id: string): Promise<void> {
  await withForeignKeys('conflict', () => deleteRow(tx, 'collectives', id));
}
