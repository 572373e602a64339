import { type Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'office-and-audit',
  sql: `
    CREATE TABLE office (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      office_name TEXT NOT NULL,
      display_name TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    -- Small facts about this vault (e.g. whether the recovery key was confirmed as stored).
    CREATE TABLE vault_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    -- Append-only: each entry hashes the previous one, so an edit breaks the chain.
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      changes TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
};
