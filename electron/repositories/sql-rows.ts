import { AppFailure } from '../../shared/errors';
import { type Queryable, type Row, type SqlValue } from '../database/sqlite';

/** Every table a repository writes. Names come from this list only, never from input. */
export type Table =
  | 'people'
  | 'collectives'
  | 'consents'
  | 'cases'
  | 'aggressions'
  | 'aggression_victims'
  | 'perpetrators'
  | 'sources'
  | 'responses'
  | 'case_notes'
  | 'evidence_items'
  | 'evidence_custody';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Validated fields → columns: lists and objects as JSON, booleans as 0/1. */
export function toColumns(fields: Record<string, unknown>): Record<string, SqlValue> {
  const columns: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    columns[snake(key)] = toSqlValue(value);
  }
  return columns;
}

function toSqlValue(value: unknown): SqlValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return value;
  return JSON.stringify(value);
}

/**
 * A row → camelCase object for a zod schema to parse: JSON columns decoded, 0/1 columns made
 * booleans. The schema then checks every value (codes included) on the way out.
 */
export function fromRow(
  row: Row,
  options: { json?: readonly string[]; booleans?: readonly string[] } = {},
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (options.json?.includes(column)) object[camel(column)] = JSON.parse(String(value));
    else if (options.booleans?.includes(column)) object[camel(column)] = value === 1;
    else object[camel(column)] = value;
  }
  return object;
}

export async function insertRow(
  tx: Queryable,
  table: Table,
  columns: Record<string, SqlValue>,
): Promise<void> {
  const names = Object.keys(columns);
  await tx.run(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    Object.values(columns),
  );
}

/** Update the given columns and `updated_at`; `not_found` when no row has that id. */
export async function updateRow(
  tx: Queryable,
  table: Table,
  id: string,
  columns: Record<string, SqlValue>,
  at: string,
): Promise<void> {
  const all = { ...columns, updated_at: at };
  const names = Object.keys(all);
  const result = await tx.run(
    `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`,
    [...Object.values(all), id],
  );
  if (result.changes === 0) throw new AppFailure('not_found');
}

export async function deleteRow(tx: Queryable, table: Table, id: string): Promise<void> {
  const result = await tx.run(`DELETE FROM ${table} WHERE id = ?`, [id]);
  if (result.changes === 0) throw new AppFailure('not_found');
}

/** Run a write; a foreign-key refusal becomes `code` (e.g. a victim id that does not exist). */
export async function withForeignKeys<T>(code: 'conflict' | 'not_found', work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && /FOREIGN KEY constraint failed/.test(error.message)) {
      throw new AppFailure(code);
    }
    throw error;
  }
}

export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
