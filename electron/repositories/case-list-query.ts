import { z } from 'zod';
import { caseRowSchema, type CaseListInput, type CaseRow } from '../../shared/contract/cases';
import { type Queryable, type Row, type SqlValue } from '../database/sqlite';
import { CASE_COLUMNS, CASE_JSON_COLUMNS } from './case-repository';
import { fromRow, placeholders } from './sql-rows';

export type Filters = Omit<CaseListInput, 'sort' | 'direction' | 'limit' | 'offset'>;

/**
 * Sort keys → indexed expressions, with the index's own columns as tie-breaks and `id` last, so
 * a page is read in index order and paging is stable.
 */
const ORDER_BY: Record<CaseListInput['sort'], string[]> = {
  updated_at: ['c.updated_at'],
  created_at: ['c.created_at'],
  last_aggression: ['c.last_aggression_on'],
  urgency: ['c.urgency_rank', 'c.updated_at'],
  title: ['c.title COLLATE NOCASE'],
};

/**
 * WHERE clause for the filters; every value is a bound parameter. Act-level filters take two
 * forms. For a page, a correlated EXISTS per case: SQLite walks the sort index, checks each case
 * through the acts' indexes and stops after one page — building the whole set of matching cases
 * first (tens of thousands for a country) cost 20–100 ms at 100 000 cases. For a count, which
 * must visit every match anyway, `c.id IN (SELECT case_id …)` builds that set once from the
 * covering indexes. A person has few cases: her filter is a set in both.
 */
export function caseFilter(
  filters: Filters,
  purpose: 'page' | 'count' = 'count',
): { where: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const acts = (from: string, condition: string, ...values: SqlValue[]) => {
    clauses.push(
      purpose === 'page'
        ? `EXISTS (SELECT 1 FROM ${from} WHERE a.case_id = c.id AND ${condition})`
        : `c.id IN (SELECT a.case_id FROM ${from} WHERE ${condition})`,
    );
    params.push(...values);
  };
  if (filters.dateFrom || filters.dateTo) {
    // Necessary conditions on the case's own span first (cheap, and a range on the date index),
    // so cases entirely outside the range are skipped without looking at their acts.
    if (filters.dateFrom) {
      clauses.push('c.last_aggression_on >= ?');
      params.push(filters.dateFrom);
    }
    if (filters.dateTo) {
      clauses.push('c.first_aggression_on <= ?');
      params.push(filters.dateTo);
    }
    acts(
      'aggressions a',
      'a.occurred_on BETWEEN ? AND ?',
      filters.dateFrom ?? '0000-01-01',
      filters.dateTo ?? '9999-12-31',
    );
  }
  if (filters.country) acts('aggressions a', 'a.country = ?', filters.country);
  if (filters.aggressionType) {
    acts(
      'aggressions a JOIN aggression_types t ON t.aggression_id = a.id',
      't.code = ?',
      filters.aggressionType,
    );
  }
  if (filters.perpetratorType) {
    acts(
      'aggressions a JOIN perpetrators p ON p.aggression_id = a.id',
      'p.type = ?',
      filters.perpetratorType,
    );
  }
  if (filters.personId) {
    clauses.push(`c.id IN (
      SELECT a.case_id FROM aggression_victims v JOIN aggressions a ON a.id = v.aggression_id
      WHERE v.person_id = ?)`);
    params.push(filters.personId);
  }
  if (filters.collectiveId) {
    clauses.push(`c.id IN (
      SELECT a.case_id FROM aggression_victims v JOIN aggressions a ON a.id = v.aggression_id
      WHERE v.collective_id = ?)`);
    params.push(filters.collectiveId);
  }
  // Unary `+`: status and urgency keep a third of the cases or more, so their indexes must not
  // be chosen over the sort index (a page would then sort tens of thousands of rows).
  if (filters.status?.length) {
    clauses.push(`+c.status IN (${placeholders(filters.status.length)})`);
    params.push(...filters.status);
  }
  if (filters.urgency?.length) {
    clauses.push(`+c.urgency IN (${placeholders(filters.urgency.length)})`);
    params.push(...filters.urgency);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * One page, sorted; `hasMore` from fetching one row more. The exact total is a separate query
 * (`countCases`): at 100 000 cases it costs tens of milliseconds, a page well under ten.
 */
export async function listCases(
  db: Queryable,
  input: CaseListInput,
): Promise<{ rows: CaseRow[]; hasMore: boolean }> {
  const { sort, direction, limit, offset, ...filters } = input;
  const { where, params } = caseFilter(filters, 'page');
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const rows = await db.all(
    `SELECT ${prefixed('c')} FROM cases c ${where}
     ORDER BY ${[...ORDER_BY[sort], 'c.id'].map((key) => `${key} ${dir}`).join(', ')}
     LIMIT ? OFFSET ?`,
    [...params, limit + 1, offset],
  );
  return { rows: await caseRows(db, rows.slice(0, limit)), hasMore: rows.length > limit };
}

export async function countCases(db: Queryable, filters: Filters): Promise<number> {
  const { where, params } = caseFilter(filters);
  const count = await db.get(`SELECT count(*) AS n FROM cases c ${where}`, params);
  return Number(count?.['n'] ?? 0);
}

function prefixed(alias: string): string {
  return CASE_COLUMNS.split(',')
    .map((c) => `${alias}.${c.trim()}`)
    .join(', ');
}

/** Add per-row summaries (count, countries, types) in two queries for the whole page. */
export async function caseRows(db: Queryable, rows: Row[]): Promise<CaseRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r['id']));
  const marks = placeholders(ids.length);
  const [acts, types] = await Promise.all([
    db.all(
      `SELECT case_id, count(*) AS n, json_group_array(DISTINCT country) FILTER (WHERE country IS NOT NULL) AS countries
       FROM aggressions WHERE case_id IN (${marks}) GROUP BY case_id`,
      ids,
    ),
    db.all(
      `SELECT DISTINCT a.case_id, t.code FROM aggressions a
       JOIN aggression_types t ON t.aggression_id = a.id WHERE a.case_id IN (${marks})`,
      ids,
    ),
  ]);
  return z.array(caseRowSchema).parse(
    rows.map((row) => {
      const act = acts.find((a) => a['case_id'] === row['id']);
      return {
        ...fromRow(row, { json: CASE_JSON_COLUMNS }),
        aggressionCount: Number(act?.['n'] ?? 0),
        countries: act ? (JSON.parse(String(act['countries'])) as unknown) : [],
        aggressionTypes: types.filter((t) => t['case_id'] === row['id']).map((t) => t['code']),
      };
    }),
  );
}

/** Rows for known case ids, in the order given. */
export async function caseRowsByIds(db: Queryable, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.all(
    `SELECT ${prefixed('c')} FROM cases c WHERE c.id IN (${placeholders(ids.length)})`,
    [...ids],
  );
  const ordered = ids.flatMap((id) => rows.filter((r) => r['id'] === id));
  return caseRows(db, ordered);
}
