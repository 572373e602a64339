import { type Migration } from './migration';

/**
 * Evidence files live encrypted in <dataDir>/evidence/<file_id>; the per-item key lives only
 * here. Deleting the row (secure_delete is on) destroys the key: crypto-shredding, see
 * docs/evidence-storage.md.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'evidence',
  sql: `
    CREATE TABLE evidence_items (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      file_id TEXT NOT NULL UNIQUE,
      file_key BLOB NOT NULL,
      original_name TEXT NOT NULL,
      media_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      added_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX evidence_items_case ON evidence_items(case_id);

    -- Chain of custody (Berkeley Protocol): who did what with the item, when, hash re-checked.
    CREATE TABLE evidence_custody (
      id TEXT PRIMARY KEY,
      evidence_id TEXT NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
      action TEXT NOT NULL,
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      -- 1 hash re-checked and equal; 0 re-checked and different (or the file failed to decrypt).
      hash_ok INTEGER NOT NULL CHECK (hash_ok IN (0, 1)),
      sha256 TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX evidence_custody_item ON evidence_custody(evidence_id, at);
  `,
};
