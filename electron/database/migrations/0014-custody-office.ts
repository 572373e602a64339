import { type Migration } from './migration';

/**
 * The chain of custody travels with the evidence (docs/exchange-format.md): each entry says at
 * which office it happened — that office's fingerprint, NULL for this one — so a file's history
 * reads the same at every office that holds it.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'custody-office',
  sql: `ALTER TABLE evidence_custody ADD COLUMN office TEXT;`,
};
