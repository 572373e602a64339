import { type StatisticsDimension, statisticsDimensions } from '../../shared/contract/statistics';
import {
  aggressionType,
  country,
  genderComponent,
  perpetratorType,
  rightDefended,
} from '../../shared/vocabularies';
import { type Queryable, type SqlValue } from '../database/sqlite';

/** One cell before suppression. */
export interface RawCell {
  code: string;
  aggressions: number;
  cases: number;
}

export interface Period {
  from: string | null;
  to: string | null;
}

/**
 * Each dimension's grouping, over aggressions in the period. Only coded columns are read: no
 * name, narrative, municipality or exact place is ever selected on this path. Rights defended
 * are the case's rights at stake. Multi-valued dimensions count an aggression once per code.
 */
const GROUPS: Record<StatisticsDimension, { join: string; code: string }> = {
  year: { join: '', code: 'substr(a.occurred_on, 1, 4)' },
  country: { join: '', code: "coalesce(a.country, 'unknown')" },
  aggression_type: { join: 'JOIN aggression_types t ON t.aggression_id = a.id', code: 't.code' },
  perpetrator_type: { join: 'JOIN perpetrators p ON p.aggression_id = a.id', code: 'p.type' },
  right_defended: {
    join: 'JOIN cases c ON c.id = a.case_id JOIN json_each(c.rights_at_stake) r',
    code: 'r.value',
  },
  gender_component: { join: 'JOIN json_each(a.gender_components) g', code: 'g.value' },
};

/**
 * What may leave as a code: a vocabulary code, a year or `unknown`. Anything else (a value a
 * future bug or an imported record put there) is dropped rather than exported.
 */
const ALLOWED: Record<StatisticsDimension, (code: string) => boolean> = {
  year: (code) => /^\d{4}$/.test(code),
  country: (code) => code === 'unknown' || country.schema.safeParse(code).success,
  aggression_type: (code) => aggressionType.schema.safeParse(code).success,
  perpetrator_type: (code) => perpetratorType.schema.safeParse(code).success,
  right_defended: (code) => rightDefended.schema.safeParse(code).success,
  gender_component: (code) => genderComponent.schema.safeParse(code).success,
};

function where(period: Period): { sql: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (period.from) {
    clauses.push('a.occurred_on >= ?');
    params.push(period.from);
  }
  if (period.to) {
    clauses.push('a.occurred_on <= ?');
    params.push(period.to);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export async function countTotal(db: Queryable, period: Period): Promise<RawCell> {
  const filter = where(period);
  const row = await db.get(
    `SELECT count(*) AS n, count(DISTINCT a.case_id) AS cases FROM aggressions a ${filter.sql}`,
    filter.params,
  );
  return { code: 'all', aggressions: Number(row?.['n'] ?? 0), cases: Number(row?.['cases'] ?? 0) };
}

export async function countDimension(
  db: Queryable,
  dimension: StatisticsDimension,
  period: Period,
): Promise<RawCell[]> {
  const group = GROUPS[dimension];
  const filter = where(period);
  const rows = await db.all(
    `SELECT ${group.code} AS code, count(DISTINCT a.id) AS n, count(DISTINCT a.case_id) AS cases
     FROM aggressions a ${group.join} ${filter.sql} GROUP BY 1 ORDER BY 1`,
    filter.params,
  );
  return rows
    .map((r) => ({
      code: String(r['code']),
      aggressions: Number(r['n']),
      cases: Number(r['cases']),
    }))
    .filter((cell) => ALLOWED[dimension](cell.code));
}

export async function countAll(db: Queryable, period: Period) {
  const dimensions = [];
  for (const dimension of statisticsDimensions) {
    dimensions.push({ dimension, cells: await countDimension(db, dimension, period) });
  }
  return { total: await countTotal(db, period), dimensions };
}
