import { randomUUID } from 'node:crypto';
import { caseSchema, type CaseFields, type CaseRecord } from '../../shared/contract/cases';
import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { deleteRow, fromRow, insertRow, toColumns, updateRow } from './sql-rows';

export const CASE_TEXT_FIELDS = ['title', 'tags'] as const;
const JSON_COLUMNS = ['rights_at_stake', 'tags'];
const COLUMNS = `id, title, status, urgency, rights_at_stake, tags, confidentiality,
  first_aggression_on, last_aggression_on, created_at, updated_at`;

export async function insertCase(
  tx: Queryable,
  fields: CaseFields,
  at = new Date().toISOString(),
  id: string = randomUUID(),
): Promise<string> {
  await insertRow(tx, 'cases', { id, ...toColumns(fields), created_at: at, updated_at: at });
  return id;
}

export async function updateCase(
  tx: Queryable,
  id: string,
  fields: Partial<CaseFields>,
  at = new Date().toISOString(),
): Promise<void> {
  await updateRow(tx, 'cases', id, toColumns(fields), at);
}

/** A change to any part of a case makes the case "updated" (lists sort by it). */
export async function touchCase(tx: Queryable, id: string, at = new Date().toISOString()) {
  await updateRow(tx, 'cases', id, {}, at);
}

export async function getCaseRecord(db: Queryable, id: string): Promise<CaseRecord> {
  const row = await db.get(`SELECT ${COLUMNS} FROM cases WHERE id = ?`, [id]);
  if (!row) throw new AppFailure('not_found');
  return caseSchema.parse(fromRow(row, { json: JSON_COLUMNS }));
}

/** The parts go with it (ON DELETE CASCADE); the caller removes the evidence files. */
export async function deleteCase(tx: Queryable, id: string): Promise<void> {
  await deleteRow(tx, 'cases', id);
}

export { JSON_COLUMNS as CASE_JSON_COLUMNS, COLUMNS as CASE_COLUMNS };
