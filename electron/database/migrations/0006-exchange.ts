import { type Migration } from './migration';

/**
 * Office keys, partner offices and what record exchange between offices needs to remember
 * (docs/exchange-format.md). Private keys live only here, inside the encrypted database.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'exchange',
  sql: `
    -- This office's age X25519 identity and Ed25519 signing key (PKCS#8 DER), one row.
    CREATE TABLE office_keys (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      age_identity TEXT NOT NULL,
      age_recipient TEXT NOT NULL,
      signing_private BLOB NOT NULL,
      signing_public TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    -- Offices whose cards were imported. fingerprint = SHA-256 of the card's keys (hex).
    CREATE TABLE partners (
      fingerprint TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      card_name TEXT NOT NULL,
      age_recipient TEXT NOT NULL,
      signing_public TEXT NOT NULL,
      verified_at TEXT,
      added_at TEXT NOT NULL
    );

    -- Highest export sequence seen per sender, known partner or not: replay detection survives
    -- removing a partner.
    CREATE TABLE exchange_senders (
      fingerprint TEXT PRIMARY KEY,
      last_sequence INTEGER NOT NULL
    );

    -- Hash of a record as last exchanged with one office (sent or received): the common base
    -- that tells "changed here", "changed there" and "changed on both sides" apart.
    CREATE TABLE exchange_bases (
      office TEXT NOT NULL,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      hash TEXT NOT NULL,
      PRIMARY KEY (office, kind, record_id)
    ) WITHOUT ROWID;

    -- Where an imported record came from, and when.
    CREATE TABLE record_origins (
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      office TEXT NOT NULL,
      office_name TEXT NOT NULL,
      exported_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      import_id TEXT NOT NULL,
      PRIMARY KEY (kind, record_id)
    ) WITHOUT ROWID;

    -- A record changed on both sides: the local version stays, the incoming one waits here
    -- until someone resolves it. Never overwritten silently.
    CREATE TABLE exchange_conflicts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      office TEXT NOT NULL,
      office_name TEXT NOT NULL,
      incoming TEXT NOT NULL,
      incoming_hash TEXT NOT NULL,
      local_hash TEXT NOT NULL,
      import_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT
    );
    CREATE INDEX exchange_conflicts_record ON exchange_conflicts(kind, record_id);

    CREATE TABLE exchange_imports (
      id TEXT PRIMARY KEY,
      export_id TEXT NOT NULL,
      office TEXT NOT NULL,
      office_name TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      actor TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      counts TEXT NOT NULL
    );
  `,
};
