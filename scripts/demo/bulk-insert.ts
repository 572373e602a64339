import { type Queryable, type SqlValue } from '../../electron/database/sqlite';

/** Tables in the order foreign keys need them (parents first). */
export const BULK_TABLES = [
  'collectives',
  'people',
  'consents',
  'cases',
  'aggressions',
  'aggression_types',
  'aggression_victims',
  'perpetrators',
  'sources',
  'responses',
  'case_notes',
] as const;
export type BulkTable = (typeof BULK_TABLES)[number];

type Columns = Record<string, Exclude<SqlValue, Buffer | bigint>>;

/**
 * Rows collected per table and written with one statement per table:
 * `INSERT … SELECT value->>'$.col' … FROM json_each(?)`. Preparing a statement compiles the
 * table's triggers too (search index, date span), so one prepare per batch instead of one per row
 * makes 100 000 demo cases take minutes instead of an hour. Triggers still run for every row.
 */
export class RowBuffer {
  private readonly rows = new Map<BulkTable, Columns[]>();

  add(table: BulkTable, row: Columns): void {
    const list = this.rows.get(table) ?? [];
    list.push(row);
    this.rows.set(table, list);
  }

  async flush(tx: Queryable): Promise<void> {
    for (const table of BULK_TABLES) {
      const list = this.rows.get(table);
      if (!list?.length) continue;
      const columns = Object.keys(list[0] ?? {});
      // Column names come from our own row builders, never from input.
      const values = columns.map((c) => `value ->> '$.${c}'`).join(', ');
      await tx.run(
        `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values} FROM json_each(?)`,
        [JSON.stringify(list)],
      );
    }
    this.rows.clear();
  }
}
