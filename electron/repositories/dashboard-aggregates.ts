import { type DashboardSummary } from '../../shared/contract/dashboard';
import { type Queryable } from '../database/sqlite';

type Aggregates = DashboardSummary['aggressions'];
type Dimension = 'act' | 'country' | 'type' | 'perpetrator';
type Tally = Map<Dimension, Map<string, number>>;

export interface DateRange {
  from: string | null;
  to: string | null;
}

/** Month → the key of the month on either side (YYYY-MM, zero-padded). */
function shiftMonth(month: string, by: 1 | -1): string {
  let [year, m] = month.split('-').map(Number) as [number, number];
  m += by;
  if (m > 12) [year, m] = [year + 1, 1];
  if (m < 1) [year, m] = [year - 1, 12];
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/**
 * Aggressions that occurred in the range, counted four ways. Whole months come from
 * `dashboard_counts` (kept by triggers, migration 0009); the days of the first and last month
 * that fall inside the range are counted from the acts themselves, so any day range is exact.
 */
export async function aggressionAggregates(db: Queryable, range: DateRange): Promise<Aggregates> {
  const from = range.from ?? '0000-01-01';
  const to = range.to ?? '9999-12-31';
  const [firstMonth, lastMonth] = [from.slice(0, 7), to.slice(0, 7)];
  const tally: Tally = new Map();
  const add = (dimension: Dimension, key: string, month: string | null, n: number) => {
    const bucket = dimension === 'act' ? (month ?? '') : key;
    const counts = tally.get(dimension) ?? new Map<string, number>();
    counts.set(bucket, (counts.get(bucket) ?? 0) + n);
    tally.set(dimension, counts);
  };

  if (firstMonth < lastMonth) {
    // Summed here, so a few hundred rows cross over instead of one per month and key.
    const rows = await db.all(
      `SELECT dimension, CASE dimension WHEN 'act' THEN month END AS month, key, sum(n) AS n
       FROM dashboard_counts
       WHERE dimension IN ('act', 'country', 'type', 'perpetrator') AND month > ? AND month < ?
       GROUP BY 1, 2, 3`,
      [firstMonth, lastMonth],
    );
    for (const r of rows) {
      const month = r['month'] === null ? null : String(r['month']);
      add(r['dimension'] as Dimension, String(r['key']), month, Number(r['n']));
    }
    await countActs(db, from, `${firstMonth}-31`, add);
    await countActs(db, `${lastMonth}-01`, to, add);
  } else {
    await countActs(db, from, to, add);
  }
  return shape(tally, firstMonth, lastMonth);
}

/** The four counts straight from the acts, for a span inside one month (a few hundred rows). */
async function countActs(
  db: Queryable,
  from: string,
  to: string,
  add: (dimension: Dimension, key: string, month: string | null, n: number) => void,
): Promise<void> {
  const bounds = [from, to];
  const inRange = 'a.occurred_on BETWEEN ? AND ?';
  const queries: [Dimension, string][] = [
    [
      'act',
      `SELECT '' AS k, substr(a.occurred_on, 1, 7) AS m, count(*) AS n FROM aggressions a WHERE ${inRange} GROUP BY m`,
    ],
    [
      'country',
      `SELECT coalesce(a.country, '') AS k, NULL AS m, count(*) AS n FROM aggressions a WHERE ${inRange} GROUP BY k`,
    ],
    [
      'type',
      `SELECT t.code AS k, NULL AS m, count(*) AS n FROM aggressions a
       JOIN aggression_types t ON t.aggression_id = a.id WHERE ${inRange} GROUP BY t.code`,
    ],
    // An act with two perpetrators of one type counts once for that type.
    [
      'perpetrator',
      `SELECT p.type AS k, NULL AS m, count(DISTINCT p.aggression_id) AS n FROM aggressions a
       JOIN perpetrators p ON p.aggression_id = a.id WHERE ${inRange} GROUP BY p.type`,
    ],
  ];
  for (const [dimension, sql] of queries) {
    for (const r of await db.all(sql, bounds)) {
      add(dimension, String(r['k']), r['m'] === null ? null : String(r['m']), Number(r['n']));
    }
  }
}

function shape(tally: Tally, firstMonth: string, lastMonth: string): Aggregates {
  const buckets = (dimension: Dimension) =>
    [...(tally.get(dimension) ?? new Map<string, number>())]
      .filter(([, count]) => count > 0)
      .map(([key, count]) => ({ key, count }))
      // Largest first, then by code: the order a bar chart and its table show.
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const months = buckets('act').sort((a, b) => a.key.localeCompare(b.key));
  const byMonth = fillMonths(months, firstMonth, lastMonth);
  return {
    total: byMonth.reduce((sum, m) => sum + m.count, 0),
    byMonth,
    byType: buckets('type') as Aggregates['byType'],
    byPerpetratorType: buckets('perpetrator') as Aggregates['byPerpetratorType'],
    byCountry: buckets('country').map((b) => ({
      ...b,
      key: b.key === '' ? null : b.key,
    })) as Aggregates['byCountry'],
  };
}

/**
 * Every month of the range that has data between its first and last such month, zeros included,
 * so a chart has no gaps (and an unbounded range does not start in year 0).
 */
function fillMonths(
  months: { key: string; count: number }[],
  firstMonth: string,
  lastMonth: string,
) {
  const first = months[0]?.key;
  const last = months.at(-1)?.key;
  if (first === undefined || last === undefined) return [];
  const counts = new Map(months.map((m) => [m.key, m.count]));
  const out: { key: string; count: number }[] = [];
  const start = first > firstMonth ? first : firstMonth;
  const end = last < lastMonth ? last : lastMonth;
  for (let key = start; key <= end; key = shiftMonth(key, 1)) {
    out.push({ key, count: counts.get(key) ?? 0 });
  }
  return out;
}
