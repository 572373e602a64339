import type sqlcipher from '@journeyapps/sqlcipher';
import { sqlcipher as nativeSqlcipher } from '../native/native-modules';
import { StatementCache } from './statement-cache';

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
 * The one place that promisifies the callback API of `@journeyapps/sqlcipher`, and serialises
 * use of the single connection: a transaction holds it whole, so no other statement can slip
 * into the middle of one.
 */
export class Database implements Queryable {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statements: StatementCache;

  private constructor(private readonly handle: sqlcipher.Database) {
    this.statements = new StatementCache(handle);
  }

  static open(file: string): Promise<Database> {
    return new Promise((resolve, reject) => {
      const native = nativeSqlcipher();
      const handle = new native.Database(
        file,
        native.OPEN_READWRITE | native.OPEN_CREATE,
        (error) => (error ? reject(error) : resolve(new Database(handle))),
      );
    });
  }

  private exclusive<T>(work: (raw: Queryable) => Promise<T>): Promise<T> {
    const result = this.queue.then(() => work(rawQueries(this.handle, this.statements)));
    this.queue = result.catch(() => undefined);
    return result;
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.exclusive((raw) => raw.run(sql, params));
  }

  get(sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return this.exclusive((raw) => raw.get(sql, params));
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.exclusive((raw) => raw.all(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.exclusive((raw) => raw.exec(sql));
  }

  /** Run `work` in one transaction: committed whole, or rolled back whole. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.exclusive(async (raw) => {
      await raw.exec('BEGIN IMMEDIATE');
      try {
        const value = await work(raw);
        await raw.exec('COMMIT');
        return value;
      } catch (error) {
        await raw.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      await this.statements.clear();
      await new Promise<void>((resolve, reject) =>
        this.handle.close((error) => (error ? reject(error) : resolve())),
      );
    });
  }
}

function rawQueries(handle: sqlcipher.Database, statements: StatementCache): Queryable {
  return {
    run: async (sql, params = []) => {
      const statement = await statements.statement(sql);
      return new Promise((resolve, reject) => {
        statement.run([...params], function (this: sqlcipher.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ lastId: this.lastID, changes: this.changes });
        });
      });
    },
    get: (sql, params = []) =>
      new Promise((resolve, reject) => {
        handle.get(sql, [...params], (error: Error | null, row: Row | undefined) =>
          error ? reject(error) : resolve(row),
        );
      }),
    all: (sql, params = []) =>
      new Promise((resolve, reject) => {
        handle.all(sql, [...params], (error: Error | null, rows: Row[]) =>
          error ? reject(error) : resolve(rows),
        );
      }),
    exec: (sql) =>
      new Promise((resolve, reject) => {
        handle.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}
