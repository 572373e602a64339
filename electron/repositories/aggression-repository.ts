import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  aggressionSchema,
  type Aggression,
  type AggressionFields,
} from '../../shared/contract/case-parts';
import { AppFailure } from '../../shared/errors';
import { perpetratorActorKind, perpetratorType } from '../../shared/vocabularies';
import { type Queryable, type Row } from '../database/sqlite';
import { syncChildRows } from './child-rows';
import {
  deleteRow,
  fromRow,
  insertRow,
  placeholders,
  toColumns,
  updateRow,
  withForeignKeys,
} from './sql-rows';

export const AGGRESSION_TEXT_FIELDS = [
  'narrative',
  'exactPlace',
  'department',
  'municipality',
  'perpetrators',
] as const;

type Scalars = Omit<AggressionFields, 'types' | 'victims' | 'perpetrators'>;

export async function insertAggression(
  tx: Queryable,
  caseId: string,
  fields: AggressionFields,
  at = new Date().toISOString(),
): Promise<string> {
  const id = randomUUID();
  const { types, victims, perpetrators, ...scalars } = fields;
  await withForeignKeys('not_found', async () => {
    await insertRow(tx, 'aggressions', {
      id,
      case_id: caseId,
      ...toColumns(scalars),
      created_at: at,
      updated_at: at,
    });
    await replaceParts(tx, id, { types, victims, perpetrators }, at);
  });
  return id;
}

/** Scalars are updated in place; a given list (types, victims, perpetrators) replaces the old one. */
export async function updateAggression(
  tx: Queryable,
  id: string,
  fields: Partial<AggressionFields>,
  at = new Date().toISOString(),
): Promise<void> {
  const { types, victims, perpetrators, ...scalars } = fields;
  await withForeignKeys('not_found', async () => {
    await updateRow(tx, 'aggressions', id, toColumns(scalars satisfies Partial<Scalars>), at);
    await replaceParts(tx, id, { types, victims, perpetrators }, at);
  });
}

async function replaceParts(
  tx: Queryable,
  id: string,
  parts: Partial<Pick<AggressionFields, 'types' | 'victims' | 'perpetrators'>>,
  at: string,
): Promise<void> {
  if (parts.types) {
    await tx.run('DELETE FROM aggression_types WHERE aggression_id = ?', [id]);
    for (const code of parts.types) {
      await tx.run('INSERT INTO aggression_types (aggression_id, code) VALUES (?, ?)', [id, code]);
    }
  }
  // Ids stay stable across edits (child-rows.ts): what another office holds stays comparable.
  if (parts.victims) {
    const wanted = parts.victims.map((victim) => toColumns(victim));
    await syncChildRows(tx, 'aggression_victims', { aggression_id: id }, wanted, at);
  }
  if (parts.perpetrators) {
    const wanted = parts.perpetrators.map((perpetrator) => toColumns(perpetrator));
    await syncChildRows(tx, 'perpetrators', { aggression_id: id }, wanted, at);
  }
}

export async function deleteAggression(tx: Queryable, id: string): Promise<void> {
  await deleteRow(tx, 'aggressions', id);
}

export async function aggressionCaseId(db: Queryable, id: string): Promise<string> {
  const row = await db.get('SELECT case_id FROM aggressions WHERE id = ?', [id]);
  if (!row) throw new AppFailure('not_found');
  return String(row['case_id']);
}

export async function getAggression(db: Queryable, id: string): Promise<Aggression> {
  const rows = await db.all('SELECT * FROM aggressions WHERE id = ?', [id]);
  const [aggression] = await assemble(db, rows);
  if (!aggression) throw new AppFailure('not_found');
  return aggression;
}

export async function listAggressions(db: Queryable, caseId: string): Promise<Aggression[]> {
  const rows = await db.all(
    'SELECT * FROM aggressions WHERE case_id = ? ORDER BY occurred_on, created_at',
    [caseId],
  );
  return assemble(db, rows);
}

/** Attach types, victims (with a display label) and perpetrators, three queries for all acts. */
async function assemble(db: Queryable, rows: Row[]): Promise<Aggression[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r['id']));
  const marks = placeholders(ids.length);
  const [types, victims, perpetrators] = await Promise.all([
    db.all(
      `SELECT aggression_id, code FROM aggression_types WHERE aggression_id IN (${marks})`,
      ids,
    ),
    db.all(
      `SELECT v.id, v.aggression_id, v.person_id, v.collective_id, v.role,
              coalesce(p.name, p.pseudonym, c.name, '') AS label
       FROM aggression_victims v
       LEFT JOIN people p ON p.id = v.person_id
       LEFT JOIN collectives c ON c.id = v.collective_id
       WHERE v.aggression_id IN (${marks}) ORDER BY v.created_at, v.rowid`,
      ids,
    ),
    db.all(
      `SELECT id, aggression_id, type, identified, description, involvement FROM perpetrators
       WHERE aggression_id IN (${marks}) ORDER BY created_at, rowid`,
      ids,
    ),
  ]);
  const of = (list: Row[], id: string) => list.filter((r) => r['aggression_id'] === id);
  return z.array(aggressionSchema).parse(
    rows.map((row) => {
      const id = String(row['id']);
      return {
        ...fromRow(row, { json: ['gender_components'] }),
        types: of(types, id).map((t) => t['code']),
        victims: of(victims, id).map(({ aggression_id: _a, ...v }) => fromRow(v)),
        perpetrators: of(perpetrators, id).map(({ aggression_id: _a, ...p }) => {
          const perpetrator = fromRow(p, { booleans: ['identified'] });
          const type = perpetratorType.schema.parse(perpetrator['type']);
          return { ...perpetrator, actorKind: perpetratorActorKind[type] };
        }),
      };
    }),
  );
}
