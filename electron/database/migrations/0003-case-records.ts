import { type Migration } from './migration';

/**
 * Defenders, collectives, consents, cases and what is in them (HURIDOCS events model: case →
 * aggressions (acts) → victims; acts ← perpetrators; sources; responses). IDs are random UUIDs so
 * records can later be exchanged between offices. Codes come from shared/vocabularies and are
 * checked there (zod) rather than in CHECK constraints, so adding a code needs no migration.
 * JSON columns hold small lists of codes or channels and are parsed with zod on the way out.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'case-records',
  sql: `
    CREATE TABLE collectives (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      country TEXT,
      department TEXT,
      municipality TEXT,
      rights_defended TEXT NOT NULL DEFAULT '[]',
      description TEXT NOT NULL DEFAULT '',
      confidentiality TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      name TEXT,
      pseudonym TEXT,
      gender_identity TEXT,
      age_range TEXT,
      ethnic_identity TEXT,
      country TEXT,
      department TEXT,
      municipality TEXT,
      organization TEXT,
      collective_id TEXT REFERENCES collectives(id) ON DELETE SET NULL,
      movement TEXT,
      rights_defended TEXT NOT NULL DEFAULT '[]',
      -- [{kind, value, sensitive}]: a phone number can get someone killed; the UI hides sensitive ones.
      contact_channels TEXT NOT NULL DEFAULT '[]',
      confidentiality TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (name IS NOT NULL OR pseudonym IS NOT NULL)
    );
    CREATE INDEX people_collective ON people(collective_id);

    -- One row per scope: a new use needs a new consent. Revoked consents stay, with the date.
    CREATE TABLE consents (
      id TEXT PRIMARY KEY,
      person_id TEXT REFERENCES people(id) ON DELETE CASCADE,
      collective_id TEXT REFERENCES collectives(id) ON DELETE CASCADE,
      scope TEXT NOT NULL,
      identity TEXT NOT NULL,
      given_on TEXT NOT NULL,
      method TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      recorded_by TEXT NOT NULL,
      revoked_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((person_id IS NULL) <> (collective_id IS NULL))
    );
    CREATE INDEX consents_person ON consents(person_id);
    CREATE INDEX consents_collective ON consents(collective_id);

    CREATE TABLE cases (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      urgency TEXT NOT NULL,
      -- Sort by urgency in its own order, with an index (a CASE in ORDER BY could not use one).
      urgency_rank INTEGER GENERATED ALWAYS AS (
        CASE urgency WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 WHEN 'critical' THEN 4 ELSE 0 END
      ) VIRTUAL,
      rights_at_stake TEXT NOT NULL DEFAULT '[]',
      tags TEXT NOT NULL DEFAULT '[]',
      confidentiality TEXT NOT NULL,
      -- Kept by the triggers below, so that lists sort by date without a join.
      first_aggression_on TEXT,
      last_aggression_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX cases_updated ON cases(updated_at);
    CREATE INDEX cases_created ON cases(created_at);
    CREATE INDEX cases_last_aggression ON cases(last_aggression_on);
    CREATE INDEX cases_urgency ON cases(urgency_rank, updated_at);
    CREATE INDEX cases_status ON cases(status, updated_at);

    CREATE TABLE aggressions (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      occurred_on TEXT NOT NULL,
      date_precision TEXT NOT NULL,
      country TEXT,
      department TEXT,
      municipality TEXT,
      -- Sensitive: locations default to municipality level.
      exact_place TEXT,
      scope TEXT NOT NULL,
      gender_components TEXT NOT NULL DEFAULT '[]',
      narrative TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX aggressions_case ON aggressions(case_id, occurred_on);
    CREATE INDEX aggressions_country ON aggressions(country, case_id);
    CREATE INDEX aggressions_date ON aggressions(occurred_on, case_id);

    -- Several types per act, in a table rather than JSON so that lists filter by type on an index.
    CREATE TABLE aggression_types (
      aggression_id TEXT NOT NULL REFERENCES aggressions(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      PRIMARY KEY (aggression_id, code)
    ) WITHOUT ROWID;
    CREATE INDEX aggression_types_code ON aggression_types(code, aggression_id);

    -- A victim is a person or a collective, never a dangling id: deleting a person still named
    -- in an aggression is refused (RESTRICT), the user must unlink her first.
    CREATE TABLE aggression_victims (
      id TEXT PRIMARY KEY,
      aggression_id TEXT NOT NULL REFERENCES aggressions(id) ON DELETE CASCADE,
      person_id TEXT REFERENCES people(id) ON DELETE RESTRICT,
      collective_id TEXT REFERENCES collectives(id) ON DELETE RESTRICT,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((person_id IS NULL) <> (collective_id IS NULL))
    );
    CREATE INDEX aggression_victims_aggression ON aggression_victims(aggression_id);
    CREATE INDEX aggression_victims_person ON aggression_victims(person_id, aggression_id);
    CREATE INDEX aggression_victims_collective ON aggression_victims(collective_id);

    CREATE TABLE perpetrators (
      id TEXT PRIMARY KEY,
      aggression_id TEXT NOT NULL REFERENCES aggressions(id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      identified INTEGER NOT NULL CHECK (identified IN (0, 1)),
      description TEXT NOT NULL DEFAULT '',
      involvement TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX perpetrators_aggression ON perpetrators(aggression_id);
    CREATE INDEX perpetrators_type ON perpetrators(type, aggression_id);

    CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      channel TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      received_on TEXT,
      reliability TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX sources_case ON sources(case_id);

    CREATE TABLE responses (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      done_on TEXT NOT NULL,
      responsible TEXT NOT NULL DEFAULT '',
      outcome TEXT NOT NULL DEFAULT '',
      follow_up_on TEXT,
      reference TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX responses_case ON responses(case_id, done_on);

    CREATE TABLE case_notes (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX case_notes_case ON case_notes(case_id, created_at);

    -- The case's date span follows its aggressions.
    CREATE TRIGGER aggressions_span_ai AFTER INSERT ON aggressions BEGIN
      UPDATE cases SET
        first_aggression_on = (SELECT min(occurred_on) FROM aggressions WHERE case_id = new.case_id),
        last_aggression_on = (SELECT max(occurred_on) FROM aggressions WHERE case_id = new.case_id)
      WHERE id = new.case_id;
    END;
    CREATE TRIGGER aggressions_span_au AFTER UPDATE OF occurred_on ON aggressions BEGIN
      UPDATE cases SET
        first_aggression_on = (SELECT min(occurred_on) FROM aggressions WHERE case_id = new.case_id),
        last_aggression_on = (SELECT max(occurred_on) FROM aggressions WHERE case_id = new.case_id)
      WHERE id = new.case_id;
    END;
    CREATE TRIGGER aggressions_span_ad AFTER DELETE ON aggressions BEGIN
      UPDATE cases SET
        first_aggression_on = (SELECT min(occurred_on) FROM aggressions WHERE case_id = old.case_id),
        last_aggression_on = (SELECT max(occurred_on) FROM aggressions WHERE case_id = old.case_id)
      WHERE id = old.case_id;
    END;

    -- A record's history is looked up by id and, for the parts of a case, by the case's id.
    CREATE INDEX audit_log_entity ON audit_log(entity_id);
    CREATE INDEX audit_log_case ON audit_log(json_extract(changes, '$.caseId'));
  `,
};
