import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  personRowSchema,
  personSchema,
  type Person,
  type PersonFields,
  type PersonRow,
} from '../../shared/contract/people';
import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { fromRow, insertRow, toColumns, updateRow, withForeignKeys, deleteRow } from './sql-rows';

const JSON_COLUMNS = ['rights_defended', 'contact_channels'];
export const PERSON_TEXT_FIELDS = [
  'name',
  'pseudonym',
  'ethnicIdentity',
  'department',
  'municipality',
  'organization',
  'movement',
  'contactChannels',
] as const;

export async function insertPerson(
  tx: Queryable,
  fields: PersonFields,
  at = new Date().toISOString(),
  id: string = randomUUID(),
): Promise<string> {
  await withForeignKeys('not_found', () =>
    insertRow(tx, 'people', { id, ...toColumns(fields), created_at: at, updated_at: at }),
  );
  return id;
}

export async function updatePerson(
  tx: Queryable,
  id: string,
  fields: Partial<PersonFields>,
  at = new Date().toISOString(),
): Promise<void> {
  await withForeignKeys('not_found', () => updateRow(tx, 'people', id, toColumns(fields), at));
}

export async function findPerson(db: Queryable, id: string): Promise<Person | null> {
  const row = await db.get('SELECT * FROM people WHERE id = ?', [id]);
  return row ? personSchema.parse(fromRow(row, { json: JSON_COLUMNS })) : null;
}

export async function getPerson(db: Queryable, id: string): Promise<Person> {
  const person = await findPerson(db, id);
  if (!person) throw new AppFailure('not_found');
  return person;
}

const ROW_COLUMNS = `id, name, pseudonym, gender_identity, age_range, ethnic_identity, country,
  department, municipality, organization, collective_id, movement, rights_defended,
  confidentiality, created_at, updated_at`;

export async function listPeople(
  db: Queryable,
  query: { text?: string | undefined; limit: number; offset: number },
): Promise<{ rows: PersonRow[]; total: number }> {
  const pattern = `%${escapeLike(query.text ?? '')}%`;
  const where = `WHERE name LIKE ?1 ESCAPE '\\' OR pseudonym LIKE ?1 ESCAPE '\\' OR organization LIKE ?1 ESCAPE '\\'`;
  const rows = await db.all(
    `SELECT ${ROW_COLUMNS} FROM people ${where}
     ORDER BY coalesce(name, pseudonym) COLLATE NOCASE, id LIMIT ?2 OFFSET ?3`,
    [pattern, query.limit, query.offset],
  );
  const count = await db.get(`SELECT count(*) AS n FROM people ${where}`, [pattern]);
  return {
    rows: z.array(personRowSchema).parse(rows.map((r) => fromRow(r, { json: JSON_COLUMNS }))),
    total: Number(count?.['n'] ?? 0),
  };
}

/** Refused with `conflict` while she is named as a victim (the schema says RESTRICT). */
export async function deletePerson(tx: Queryable, id: string): Promise<void> {
  await withForeignKeys('conflict', () => deleteRow(tx, 'people', id));
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
