import {
  type Connection,
  type Queryable,
  type Row,
  type RunResult,
  type SqlValue,
} from './connection';
import { chooseDriver, type DriverName } from './driver-choice';
import { openJourneyappsConnection } from './journeyapps-connection';
import { openSignalConnection } from './signal-connection';

export type { Queryable, Row, RunResult, SqlValue } from './connection';

/**
 * The one connection to the database, whichever driver holds it (driver-choice.ts), serialised:
 * a transaction holds it whole, so no other statement can slip into the middle of one. With the
 * worker-thread driver every statement of a transaction still goes to the same connection in
 * order, so BEGIN … COMMIT/ROLLBACK keeps its all-or-nothing across the thread boundary.
 */
export class Database implements Queryable {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly connection: Connection,
    readonly driver: DriverName,
  ) {}

  static async open(file: string, driver: DriverName = chooseDriver()): Promise<Database> {
    const connection =
      driver === 'signal'
        ? await openSignalConnection(file)
        : await openJourneyappsConnection(file);
    return new Database(connection, driver);
  }

  private exclusive<T>(work: (raw: Connection) => Promise<T>): Promise<T> {
    const result = this.queue.then(() => work(this.connection));
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

  /** Key the connection (open-database.ts); see Connection.key. */
  key(raw: Buffer): Promise<void> {
    return this.exclusive((connection) => connection.key(raw));
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
    return this.exclusive((raw) => raw.close());
  }
}
