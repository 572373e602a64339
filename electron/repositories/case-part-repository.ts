import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  noteSchema,
  responseSchema,
  sourceSchema,
  type CaseResponse,
  type Note,
  type Source,
} from '../../shared/contract/case-parts';
import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { deleteRow, fromRow, insertRow, toColumns, updateRow, withForeignKeys } from './sql-rows';

/** Sources, responses and notes: rows that belong to one case and nothing else. */
export type PartTable = 'sources' | 'responses' | 'case_notes';

export const PART_TEXT_FIELDS: Record<PartTable, readonly string[]> = {
  sources: ['description'],
  responses: ['responsible', 'outcome', 'reference'],
  case_notes: ['body'],
};

const ORDER: Record<PartTable, string> = {
  sources: 'created_at',
  responses: 'done_on, created_at',
  case_notes: 'created_at',
};

export async function insertPart(
  tx: Queryable,
  table: PartTable,
  caseId: string,
  fields: Record<string, unknown>,
  at = new Date().toISOString(),
): Promise<string> {
  const id = randomUUID();
  await withForeignKeys('not_found', () =>
    insertRow(tx, table, {
      id,
      case_id: caseId,
      ...toColumns(fields),
      created_at: at,
      updated_at: at,
    }),
  );
  return id;
}

export async function updatePart(
  tx: Queryable,
  table: PartTable,
  id: string,
  fields: Record<string, unknown>,
  at = new Date().toISOString(),
): Promise<void> {
  await updateRow(tx, table, id, toColumns(fields), at);
}

export async function deletePart(tx: Queryable, table: PartTable, id: string): Promise<void> {
  await deleteRow(tx, table, id);
}

export async function partCaseId(db: Queryable, table: PartTable, id: string): Promise<string> {
  const row = await db.get(`SELECT case_id FROM ${table} WHERE id = ?`, [id]);
  if (!row) throw new AppFailure('not_found');
  return String(row['case_id']);
}

async function rows(db: Queryable, table: PartTable, where: string, value: string) {
  const found = await db.all(`SELECT * FROM ${table} WHERE ${where} = ? ORDER BY ${ORDER[table]}`, [
    value,
  ]);
  return found.map((r) => fromRow(r));
}

export async function getSource(db: Queryable, id: string): Promise<Source> {
  const [one] = z.array(sourceSchema).parse(await rows(db, 'sources', 'id', id));
  if (!one) throw new AppFailure('not_found');
  return one;
}

export async function getResponse(db: Queryable, id: string): Promise<CaseResponse> {
  const [one] = z.array(responseSchema).parse(await rows(db, 'responses', 'id', id));
  if (!one) throw new AppFailure('not_found');
  return one;
}

export async function getNote(db: Queryable, id: string): Promise<Note> {
  const [one] = z.array(noteSchema).parse(await rows(db, 'case_notes', 'id', id));
  if (!one) throw new AppFailure('not_found');
  return one;
}

export async function listCaseParts(db: Queryable, caseId: string) {
  return {
    sources: z.array(sourceSchema).parse(await rows(db, 'sources', 'case_id', caseId)),
    responses: z.array(responseSchema).parse(await rows(db, 'responses', 'case_id', caseId)),
    notes: z.array(noteSchema).parse(await rows(db, 'case_notes', 'case_id', caseId)),
  };
}
