import { type Migration } from './migration';

/**
 * Each record's history as a version vector (docs/exchange-format.md, "Versions"): which
 * version of it this office holds, counted per office that made one, so that "theirs is newer",
 * "ours is newer" and "both changed" are decided from history at any number of offices, in any
 * order. A row with `hash` NULL: deleted here, as of that vector. `same_as`: the version held
 * reads exactly as an older one (a conflict settled by taking one side whole), so what descends
 * from that one is not a conflict with it.
 *
 * Records of a vault made before this migration have no row yet: they take one the first time
 * an exchange touches them (hashing every record here would make opening a large vault slow),
 * and until then compare as before, against the base last exchanged with each office.
 *
 * A conflict keeps the incoming version's vector, and once resolved, both versions and the one
 * chosen: the record's history stays readable.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'record-versions',
  sql: `
    CREATE TABLE record_versions (
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      hash TEXT,
      vector TEXT NOT NULL,
      same_as TEXT,
      PRIMARY KEY (kind, record_id)
    ) WITHOUT ROWID;
    ALTER TABLE exchange_conflicts ADD COLUMN incoming_vector TEXT;
    ALTER TABLE exchange_conflicts ADD COLUMN local_version TEXT;
    ALTER TABLE exchange_conflicts ADD COLUMN resolved_version TEXT;
    ALTER TABLE exchange_conflicts ADD COLUMN resolved_by TEXT;
  `,
};
