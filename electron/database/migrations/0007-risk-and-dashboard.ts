import { type Migration } from './migration';

/**
 * Risk assessments (DOMAIN.md, "Risk assessment"), their protection plans, and indexes for the
 * dashboard. The computed level and score are stored with each assessment (written by the shared
 * scoring function on every change) so that histories and the dashboard never recompute; the
 * items they came from are kept too, so the reasons can always be shown again. Codes are checked
 * by zod (shared/vocabularies), ratings here as well because the arithmetic depends on them.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'risk-and-dashboard',
  sql: `
    CREATE TABLE risk_assessments (
      id TEXT PRIMARY KEY,
      -- Deleting a defender or a collective removes her assessments: nothing about her stays.
      person_id TEXT REFERENCES people(id) ON DELETE CASCADE,
      collective_id TEXT REFERENCES collectives(id) ON DELETE CASCADE,
      assessed_on TEXT NOT NULL,
      assessor TEXT NOT NULL,
      kind TEXT NOT NULL,
      context TEXT NOT NULL DEFAULT '',
      allies TEXT NOT NULL DEFAULT '',
      adversaries TEXT NOT NULL DEFAULT '',
      -- {body, emotions, rest, supportNetwork}
      self_care TEXT NOT NULL,
      computed_level TEXT NOT NULL,
      score REAL NOT NULL,
      override_level TEXT,
      override_reason TEXT,
      -- The level the network acts on.
      level TEXT GENERATED ALWAYS AS (coalesce(override_level, computed_level)) VIRTUAL,
      next_review_on TEXT NOT NULL,
      review_triggers TEXT NOT NULL DEFAULT '[]',
      previous_id TEXT REFERENCES risk_assessments(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((person_id IS NULL) <> (collective_id IS NULL)),
      CHECK ((override_level IS NULL) = (override_reason IS NULL))
    );
    CREATE INDEX risk_assessments_person ON risk_assessments(person_id, assessed_on);
    CREATE INDEX risk_assessments_collective ON risk_assessments(collective_id, assessed_on);
    CREATE INDEX risk_assessments_previous ON risk_assessments(previous_id);

    CREATE TABLE risk_threats (
      id TEXT PRIMARY KEY,
      assessment_id TEXT NOT NULL REFERENCES risk_assessments(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      description TEXT NOT NULL,
      perpetrator_type TEXT,
      means TEXT NOT NULL,
      likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      -- The five steps: {facts, pattern, objective, source, feasibility}
      analysis TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX risk_threats_assessment ON risk_threats(assessment_id, position);

    -- A deleted aggression simply stops being linked.
    CREATE TABLE risk_threat_aggressions (
      threat_id TEXT NOT NULL REFERENCES risk_threats(id) ON DELETE CASCADE,
      aggression_id TEXT NOT NULL REFERENCES aggressions(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (threat_id, aggression_id)
    ) WITHOUT ROWID;
    CREATE INDEX risk_threat_aggressions_aggression ON risk_threat_aggressions(aggression_id);

    -- Vulnerabilities and capacities: two sides of one factor, so one table.
    CREATE TABLE risk_factors (
      id TEXT PRIMARY KEY,
      assessment_id TEXT NOT NULL REFERENCES risk_assessments(id) ON DELETE CASCADE,
      side TEXT NOT NULL CHECK (side IN ('vulnerability', 'capacity')),
      position INTEGER NOT NULL,
      area TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 3),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX risk_factors_assessment ON risk_factors(assessment_id, side, position);

    CREATE TABLE protection_measures (
      id TEXT PRIMARY KEY,
      assessment_id TEXT NOT NULL REFERENCES risk_assessments(id) ON DELETE CASCADE,
      category TEXT NOT NULL,
      description TEXT NOT NULL,
      responsible TEXT NOT NULL,
      due_on TEXT,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX protection_measures_assessment ON protection_measures(assessment_id, created_at);
    CREATE INDEX protection_measures_due ON protection_measures(status, due_on);

    -- Dashboard: each aggregate reads one covering index over the date range.
    CREATE INDEX aggressions_dashboard ON aggressions(occurred_on, country, id);
    CREATE INDEX perpetrators_aggression_type ON perpetrators(aggression_id, type);
    CREATE INDEX cases_urgent ON cases(status, urgency_rank, last_aggression_on);
  `,
};
