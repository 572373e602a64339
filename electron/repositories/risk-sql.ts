import { type Queryable, type SqlValue } from '../database/sqlite';

/** The tables of risk assessments. Names come from this list only, never from input. */
export type RiskTable =
  | 'risk_assessments'
  | 'risk_threats'
  | 'risk_threat_aggressions'
  | 'risk_factors'
  | 'protection_measures';

export async function insertInto(
  tx: Queryable,
  table: RiskTable,
  columns: Record<string, SqlValue>,
): Promise<void> {
  const names = Object.keys(columns);
  await tx.run(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    Object.values(columns),
  );
}

/** Update by id; returns how many rows changed (0: no such row). */
export async function updateById(
  tx: Queryable,
  table: RiskTable,
  id: string,
  columns: Record<string, SqlValue>,
): Promise<number> {
  const names = Object.keys(columns);
  const result = await tx.run(
    `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`,
    [...Object.values(columns), id],
  );
  return result.changes;
}

/** "Name, else pseudonym, else the collective's name" for an assessment row aliased `alias`. */
export function subjectLabel(alias: string): string {
  return `coalesce(
  (SELECT coalesce(p.name, p.pseudonym) FROM people p WHERE p.id = ${alias}.person_id),
  (SELECT c.name FROM collectives c WHERE c.id = ${alias}.collective_id), '')`;
}
