import { type Migration } from './migration';

export const migration0012: Migration = {
  version: 12,
  name: 'drafts-follow-deletes',
  sql: `
    -- A deleted record's unsaved edit must go with it, in the same transaction, whatever screen
    -- (or none) was open: a draft is the record's words too.
    CREATE TRIGGER cases_drop_draft AFTER DELETE ON cases
      BEGIN DELETE FROM drafts WHERE form_key = 'case:' || OLD.id; END;
    CREATE TRIGGER people_drop_draft AFTER DELETE ON people
      BEGIN DELETE FROM drafts WHERE form_key = 'person:' || OLD.id; END;
    CREATE TRIGGER collectives_drop_draft AFTER DELETE ON collectives
      BEGIN DELETE FROM drafts WHERE form_key = 'collective:' || OLD.id; END;
  `,
};
