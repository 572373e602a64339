/** A bound value SQLite understands. */
export type SqlValue = string | number | bigint | Buffer | null;
export type Row = Record<string, unknown>;

export interface RunResult {
  lastId: number;
  changes: number;
}

/** What repositories use: the same shape inside and outside a transaction. */
export interface Queryable {
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
}

/**
 * One open SQLCipher file through one driver. `Database` (sqlite.ts) serialises every use, so a
 * connection never sees two calls at once. Errors carry SQLite's own `code` (`SQLITE_FULL`,
 * `SQLITE_NOTADB`, …) on both drivers, never the SQL text or values.
 */
export interface Connection extends Queryable {
  /** `PRAGMA key` under the raw 256-bit key, the hex spelled out and wiped where the driver can. */
  key(raw: Buffer): Promise<void>;
  close(): Promise<void>;
}
