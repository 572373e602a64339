import { z } from 'zod';
import {
  dashboardSummarySchema,
  DASHBOARD_LIST_MAX,
  type DashboardSummary,
} from '../../shared/contract/dashboard';
import { reviewStatus } from '../../shared/risk';
import { reviewTrigger, riskLevel } from '../../shared/vocabularies';
import { type Queryable } from '../database/sqlite';
import { aggressionAggregates, type DateRange } from './dashboard-aggregates';
import { mergeTriggers } from './risk-assessment-repository';
import { subjectLabel } from './risk-sql';
import { triggersFromActivity } from './risk-triggers';

/**
 * Each defender's or collective's latest assessment: older ones are history, and their plans
 * were carried over by the re-assessment, so only these count as current. Only the columns
 * needed go through the window's sort (not the assessments' long texts).
 */
const LATEST = `SELECT l.id, l.person_id, l.collective_id, l.assessed_on, l.level, l.next_review_on,
    l.review_triggers, ${subjectLabel('l')} AS label,
    s.last_aggression_on, s.last_close_on
  FROM (SELECT a.id, a.person_id, a.collective_id, a.assessed_on, a.level, a.next_review_on,
      a.review_triggers, row_number() OVER (
        PARTITION BY coalesce(a.person_id, a.collective_id)
        ORDER BY a.assessed_on DESC, a.created_at DESC) AS rn
    FROM risk_assessments a) l
  LEFT JOIN risk_subject_activity s ON s.subject_id = coalesce(l.person_id, l.collective_id)
  WHERE l.rn = 1`;

const latestRow = z.object({
  id: z.string(),
  person_id: z.string().nullable(),
  collective_id: z.string().nullable(),
  label: z.string(),
  assessed_on: z.string(),
  level: riskLevel.schema,
  next_review_on: z.string(),
  review_triggers: z.string(),
  last_aggression_on: z.string().nullable(),
  last_close_on: z.string().nullable(),
});

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
    // All open measures past due (index protection_measures_due); those of superseded
    // assessments are dropped below.
    db.all(
      `SELECT id, assessment_id, category, description, responsible, due_on, status
       FROM protection_measures
       WHERE status IN ('planned', 'in_progress') AND due_on < ?
       ORDER BY due_on, id`,
      [today],
    ),
    aggressionAggregates(db, range),
  ]);
  const latest = latestRows.map((r) => latestRow.parse(r));
  const byId = new Map(latest.map((r) => [r.id, r]));
  const subjectOf = (r: z.infer<typeof latestRow>) => ({
    assessmentId: r.id,
    personId: r.person_id,
    collectiveId: r.collective_id,
    label: r.label,
  });

  const atRisk = latest
    .filter((r) => r.level === 'high' || r.level === 'extreme')
    .sort(
      (a, b) =>
        LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
        a.next_review_on.localeCompare(b.next_review_on),
    )
    .map((r) => ({
      ...subjectOf(r),
      level: r.level,
      assessedOn: r.assessed_on,
      nextReviewOn: r.next_review_on,
    }));

  const reviews = latest.flatMap((r) => {
    const set = z.array(reviewTrigger.schema).parse(JSON.parse(r.review_triggers));
    const found = triggersFromActivity(
      { lastAggressionOn: r.last_aggression_on, lastCloseOn: r.last_close_on },
      r.assessed_on,
    );
    const triggers = mergeTriggers(set, found);
    const status = reviewStatus(r.next_review_on, triggers, today);
    if (status === 'scheduled') return [];
    return [{ ...subjectOf(r), level: r.level, nextReviewOn: r.next_review_on, status, triggers }];
  });
  reviews.sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      a.nextReviewOn.localeCompare(b.nextReviewOn),
  );

  const overdue = measureRows.flatMap((m) => {
    const current = byId.get(String(m['assessment_id']));
    if (!current) return [];
    return [
      {
        id: m['id'],
        ...subjectOf(current),
        category: m['category'],
        description: m['description'],
        responsible: m['responsible'],
        dueOn: m['due_on'],
        status: m['status'],
      },
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
    overdueMeasures: { count: overdue.length, items: overdue.slice(0, DASHBOARD_LIST_MAX) },
    aggressions,
  });
}
