import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { measureSchema, type Measure, type MeasureFields } from '../../shared/contract/risk';
import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { insertInto, updateById } from './risk-sql';
import { fromRow, toColumns, withForeignKeys } from './sql-rows';

export const MEASURE_TEXT_FIELDS = ['description', 'responsible'] as const;

/** Measures still to do: the ones a re-assessment carries over and the dashboard chases. */
export const OPEN_MEASURE_STATUSES = ['planned', 'in_progress'] as const;

export async function insertMeasure(
  tx: Queryable,
  assessmentId: string,
  fields: MeasureFields,
  at = new Date().toISOString(),
): Promise<string> {
  const id = randomUUID();
  await withForeignKeys('not_found', () =>
    insertInto(tx, 'protection_measures', {
      id,
      assessment_id: assessmentId,
      ...toColumns(fields),
      created_at: at,
      updated_at: at,
    }),
  );
  return id;
}

export async function updateMeasure(
  tx: Queryable,
  id: string,
  fields: Partial<MeasureFields>,
  at = new Date().toISOString(),
): Promise<void> {
  const count = await updateById(tx, 'protection_measures', id, {
    ...toColumns(fields),
    updated_at: at,
  });
  if (count === 0) throw new AppFailure('not_found');
}

export async function deleteMeasure(tx: Queryable, id: string): Promise<void> {
  const result = await tx.run('DELETE FROM protection_measures WHERE id = ?', [id]);
  if (result.changes === 0) throw new AppFailure('not_found');
}

export async function getMeasure(db: Queryable, id: string): Promise<Measure> {
  const row = await db.get('SELECT * FROM protection_measures WHERE id = ?', [id]);
  if (!row) throw new AppFailure('not_found');
  return measureSchema.parse(fromRow(row));
}

export async function listMeasures(db: Queryable, assessmentId: string): Promise<Measure[]> {
  const rows = await db.all(
    'SELECT * FROM protection_measures WHERE assessment_id = ? ORDER BY created_at, rowid',
    [assessmentId],
  );
  return z.array(measureSchema).parse(rows.map((r) => fromRow(r)));
}
