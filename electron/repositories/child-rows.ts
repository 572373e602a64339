import { randomUUID } from 'node:crypto';
import { type Queryable, type Row, type SqlValue } from '../database/sqlite';

/** Lists edited as a whole inside their parent's form. Names come from this list only. */
export type ChildTable = 'aggression_victims' | 'perpetrators' | 'risk_threats' | 'risk_factors';

const sameValues = (row: Row, values: Record<string, SqlValue>) =>
  Object.entries(values).every(([column, value]) => row[column] === value);

/**
 * Make the rows of `table` that belong to `parent` (columns → values) the `wanted` list, keeping
 * row ids stable: a row whose values are unchanged stays as it is, a changed one is updated in
 * place (the leftovers paired in order), only the surplus is deleted or inserted. Rewriting the
 * whole list with fresh ids would make every edit look, to another office, like removing every
 * perpetrator and adding new ones — and an edit there at the same time keep both lists.
 * Returns the id of each wanted row, in order.
 */
export async function syncChildRows(
  tx: Queryable,
  table: ChildTable,
  parent: Record<string, SqlValue>,
  wanted: readonly Record<string, SqlValue>[],
  at: string,
): Promise<string[]> {
  const where = Object.keys(parent)
    .map((column) => `${column} = ?`)
    .join(' AND ');
  const existing = await tx.all(
    `SELECT * FROM ${table} WHERE ${where} ORDER BY created_at, rowid`,
    Object.values(parent),
  );
  const ids: (string | null)[] = wanted.map(() => null);
  const free = new Set(existing);
  for (const [index, values] of wanted.entries()) {
    const same = [...free].find((row) => sameValues(row, values));
    if (!same) continue;
    ids[index] = String(same['id']);
    free.delete(same);
  }
  const leftovers = [...free];
  for (const [index, values] of wanted.entries()) {
    if (ids[index] !== null) continue;
    const reused = leftovers.shift();
    if (reused) {
      const id = String(reused['id']);
      const columns = { ...values, updated_at: at };
      await tx.run(
        `UPDATE ${table} SET ${Object.keys(columns)
          .map((column) => `${column} = ?`)
          .join(', ')} WHERE id = ?`,
        [...Object.values(columns), id],
      );
      ids[index] = id;
    } else {
      const id = randomUUID();
      const columns = { id, ...parent, ...values, created_at: at, updated_at: at };
      const names = Object.keys(columns);
      await tx.run(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        Object.values(columns),
      );
      ids[index] = id;
    }
  }
  for (const row of leftovers)
    await tx.run(`DELETE FROM ${table} WHERE id = ?`, [String(row['id'])]);
  return ids.map(String);
}
