import {
  STATISTICS_MIN_CASES,
  type Statistics,
  type StatisticsCell,
  type StatisticsDimension,
} from '../../shared/contract/statistics';
import { type Period, type RawCell } from './statistics-query';

/** Dimensions whose cells add up to the total: one hidden cell could be found by subtraction. */
const PARTITIONS: ReadonlySet<StatisticsDimension> = new Set(['year', 'country']);

function cell(raw: RawCell, suppressed: boolean): StatisticsCell {
  return suppressed
    ? { code: raw.code, aggressions: null, cases: null, suppressed: true }
    : { code: raw.code, aggressions: raw.aggressions, cases: raw.cases, suppressed: false };
}

/**
 * Hide every cell counting fewer than `minCases` cases (DOMAIN.md: statistics that leave are
 * aggregates, cells under 5 suppressed). Where cells add up to a published total, a single
 * hidden cell would be total minus the rest, so the next smallest is hidden with it.
 */
export function suppress(
  raw: { total: RawCell; dimensions: { dimension: StatisticsDimension; cells: RawCell[] }[] },
  period: Period,
  minCases = STATISTICS_MIN_CASES,
): Statistics {
  const small = (c: RawCell) => c.cases < minCases;
  const totalHidden = small(raw.total);
  return {
    from: period.from,
    to: period.to,
    minCases,
    total: cell(raw.total, totalHidden),
    dimensions: raw.dimensions.map(({ dimension, cells }) => {
      const hidden = new Set(cells.filter(small));
      if (!totalHidden && PARTITIONS.has(dimension) && hidden.size === 1) {
        const next = cells
          .filter((c) => !hidden.has(c))
          .sort((a, b) => a.cases - b.cases || a.aggressions - b.aggressions)[0];
        if (next) hidden.add(next);
      }
      return { dimension, cells: cells.map((c) => cell(c, hidden.has(c))) };
    }),
  };
}
