import { z } from 'zod';
import {
  dashboardSummarySchema,
  DASHBOARD_LIST_MAX,
  type DashboardSummary,
} from '../../shared/contract/dashboard';
import { reviewStatus } from '../../shared/risk';
import { reviewTrigger, riskLevel } from '../../shared/vocabularies';
import { type Queryable, type Row } from '../database/sqlite';
import { aggressionAggregates, type DateRange } from './dashboard-aggregates';
import { mergeTriggers } from './risk-assessment-repository';
import { subjectLabel } from './risk-sql';
import { placeholders } from './sql-rows';
import { triggersFromActivity } from './risk-triggers';

/**
 * Each defender's or collective's latest assessment: older ones are history, and their plans
 * were carried over by the re-assessment, so only these count as current. Only the columns
 * needed go through the window's sort (not the assessments' long texts).
 */
const LATEST = `SELECT l.id, l.person_id, l.collective_id, l.assessed_on, l.level, l.next_review_on,
    l.review_triggers, ${subjectLabel('l')} AS label,
    s.last_aggression_on, s.last_close_on
  FROM (SELECT a.id, a.person_id, a.collective_id, a.assessed_on,
      coalesce(a.override_level, a.computed_level) AS level, a.next_review_on, a.review_triggers,
      row_number() OVER (
        PARTITION BY coalesce(a.person_id, a.collective_id)
        ORDER BY a.assessed_on DESC, a.created_at DESC) AS rn
    FROM risk_assessments a) l
  LEFT JOIN risk_subject_activity s ON s.subject_id = coalesce(l.person_id, l.collective_id)
  WHERE l.rn = 1`;

const storedTriggers = z.array(reviewTrigger.schema);

/**
 * One latest assessment. Thousands of rows per call: mapped by hand (the level checked against
 * its vocabulary, the trigger list parsed only when not empty) rather than through a zod object
 * per row, which cost more than the query itself; the reply is still parsed whole at the end.
 */
function latestRow(r: Row) {
  const text = (key: string) => String(r[key]);
  const nullable = (key: string) => (r[key] === null ? null : String(r[key]));
  const triggers = text('review_triggers');
  return {
    id: text('id'),
    personId: nullable('person_id'),
    collectiveId: nullable('collective_id'),
    label: text('label'),
    assessedOn: text('assessed_on'),
    level: riskLevel.schema.parse(r['level']),
    nextReviewOn: text('next_review_on'),
    set: triggers === '[]' ? [] : storedTriggers.parse(JSON.parse(triggers)),
    activity: {
      lastAggressionOn: nullable('last_aggression_on'),
      lastCloseOn: nullable('last_close_on'),
    },
  };
}
type LatestRow = ReturnType<typeof latestRow>;

const LEVEL_RANK = { low: 0, medium: 1, high: 2, extreme: 3 } as const;
const STATUS_RANK = { at_once: 0, overdue: 1, due: 2 } as const;

export async function dashboardSummary(
  db: Queryable,
  range: DateRange,
  today: string,
): Promise<DashboardSummary> {
  const [urgentCount, urgentTop, latestRows, measureRows, aggressions] = await Promise.all([
    db.get(`SELECT count(*) AS n FROM cases WHERE status = 'open' AND urgency_rank >= 3`),
    db.all(
      `SELECT id, title, status, urgency, last_aggression_on, updated_at FROM cases
       WHERE status = 'open' AND urgency_rank >= 3
       ORDER BY urgency_rank DESC, last_aggression_on DESC, id LIMIT ?`,
      [DASHBOARD_LIST_MAX],
    ),
    db.all(LATEST),
    // Open measures past due, from the covering index alone; those of superseded assessments
    // are dropped below, and only the ones shown are read whole.
    db.all(
      `SELECT id, assessment_id FROM protection_measures
       WHERE status IN ('planned', 'in_progress') AND due_on < ?
       ORDER BY due_on, id`,
      [today],
    ),
    aggressionAggregates(db, range),
  ]);
  const latest = latestRows.map(latestRow);
  const byId = new Map(latest.map((r) => [r.id, r]));
  const subjectOf = (r: LatestRow) => ({
    assessmentId: r.id,
    personId: r.personId,
    collectiveId: r.collectiveId,
    label: r.label,
  });

  const atRisk = latest
    .filter((r) => r.level === 'high' || r.level === 'extreme')
    .sort(
      (a, b) =>
        LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || a.nextReviewOn.localeCompare(b.nextReviewOn),
    )
    .map((r) => ({
      ...subjectOf(r),
      level: r.level,
      assessedOn: r.assessedOn,
      nextReviewOn: r.nextReviewOn,
    }));

  const reviews = latest.flatMap((r) => {
    const triggers = mergeTriggers(r.set, triggersFromActivity(r.activity, r.assessedOn));
    const status = reviewStatus(r.nextReviewOn, triggers, today);
    if (status === 'scheduled') return [];
    return [{ ...subjectOf(r), level: r.level, nextReviewOn: r.nextReviewOn, status, triggers }];
  });
  reviews.sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      a.nextReviewOn.localeCompare(b.nextReviewOn),
  );

  const overdue = measureRows.filter((m) => byId.has(String(m['assessment_id'])));
  const shown = overdue.slice(0, DASHBOARD_LIST_MAX).map((m) => String(m['id']));
  const details = await db.all(
    `SELECT id, assessment_id, category, description, responsible, due_on, status
     FROM protection_measures WHERE id IN (${placeholders(shown.length)}) ORDER BY due_on, id`,
    shown,
  );
  const overdueItems = details.flatMap((m) => {
    const current = byId.get(String(m['assessment_id']));
    if (!current) return [];
    const { category, description, responsible, due_on: dueOn, status } = m;
    return [
      { id: m['id'], ...subjectOf(current), category, description, responsible, dueOn, status },
    ];
  });

  return dashboardSummarySchema.parse({
    range,
    today,
    urgentCases: {
      count: Number(urgentCount?.['n'] ?? 0),
      items: urgentTop.map((r) => ({
        id: r['id'],
        title: r['title'],
        status: r['status'],
        urgency: r['urgency'],
        lastAggressionOn: r['last_aggression_on'],
        updatedAt: r['updated_at'],
      })),
    },
    atRisk: { count: atRisk.length, items: atRisk.slice(0, DASHBOARD_LIST_MAX) },
    reviews: { count: reviews.length, items: reviews.slice(0, DASHBOARD_LIST_MAX) },
    overdueMeasures: { count: overdue.length, items: overdueItems },
    aggressions,
  });
}
