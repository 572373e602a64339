import { type Migration } from './migration';

/**
 * Two indexes measured on the 100 000-case demo vault (bench/dashboard.ts): the dashboard reads
 * each subject's latest assessment from `risk_assessments_latest` alone, in its order (no table
 * rows, no sort), and the overdue measures with their assessment from `protection_measures_due`
 * alone (it replaces the one of migration 0007, which lacked the assessment id).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'risk-dashboard-indexes',
  sql: `
    CREATE INDEX risk_assessments_latest ON risk_assessments(
      coalesce(person_id, collective_id), assessed_on DESC, created_at DESC,
      id, person_id, collective_id, computed_level, override_level, next_review_on, review_triggers);
    DROP INDEX protection_measures_due;
    CREATE INDEX protection_measures_due ON protection_measures(status, due_on, assessment_id);
  `,
};
