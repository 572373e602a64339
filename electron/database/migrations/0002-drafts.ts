import { type Migration } from './migration';

export const migration0002: Migration = {
  version: 2,
  name: 'drafts',
  sql: `
    -- What a user is typing into a long form, kept inside the encrypted database so that a
    -- lock, a crash or a closed window costs nothing.
    CREATE TABLE drafts (
      form_key TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
