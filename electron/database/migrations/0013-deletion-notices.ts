import { type Migration } from './migration';

/**
 * Deletions travel as notices (docs/exchange-format.md): an office's export says which cases,
 * people and collectives it no longer has, of those it had exchanged with the recipient. The
 * receiver keeps its copy and the notice beside it; only a person deletes.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'deletion-notices',
  sql: `
    CREATE TABLE exchange_deletion_notices (
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      office TEXT NOT NULL,
      office_name TEXT NOT NULL,
      exported_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (kind, record_id, office)
    ) WITHOUT ROWID;
    -- A notice goes with the record when it is deleted here too.
    CREATE TRIGGER cases_drop_deletion_notices AFTER DELETE ON cases
      BEGIN DELETE FROM exchange_deletion_notices WHERE kind = 'cases' AND record_id = OLD.id; END;
    CREATE TRIGGER people_drop_deletion_notices AFTER DELETE ON people
      BEGIN DELETE FROM exchange_deletion_notices WHERE kind = 'people' AND record_id = OLD.id; END;
    CREATE TRIGGER collectives_drop_deletion_notices AFTER DELETE ON collectives
      BEGIN DELETE FROM exchange_deletion_notices
        WHERE kind = 'collectives' AND record_id = OLD.id; END;
  `,
};
