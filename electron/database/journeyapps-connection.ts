import type sqlcipher from '@journeyapps/sqlcipher';
import { sqlcipher as nativeSqlcipher } from '../native/native-modules';
import { type Connection, type Row } from './connection';
import { StatementCache } from './statement-cache';

/** `@journeyapps/sqlcipher` (Linux, macOS): its callback API promisified, on the main thread's pool. */
export function openJourneyappsConnection(file: string): Promise<Connection> {
  const sqlcipher = binding();
  return new Promise((resolve, reject) => {
    const handle = new sqlcipher.Database(
      file,
      sqlcipher.OPEN_READWRITE | sqlcipher.OPEN_CREATE,
      (error) => (error ? reject(error) : resolve(journeyappsConnection(handle))),
    );
  });
}

/**
 * Required only when chosen: on Windows this binding is not installed at all (an optional
 * dependency, Linux and macOS only), and the bundle must still load there.
 */
function binding(): typeof sqlcipher {
  return nativeSqlcipher();
}

function journeyappsConnection(handle: sqlcipher.Database): Connection {
  const statements = new StatementCache(handle);
  const exec = (sql: string) =>
    new Promise<void>((resolve, reject) => {
      handle.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
    });
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
    exec,
    // Hex of our own random bytes, never user input: safe to inline (PRAGMA takes no parameters).
    // A JS string cannot be wiped; it is dropped at once and the caller wipes the key bytes.
    key: (raw) => exec(`PRAGMA key = "x'${raw.toString('hex')}'"`),
    close: async () => {
      await statements.clear();
      await new Promise<void>((resolve, reject) =>
        handle.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
