import { join } from 'node:path';
import sqlcipher from '@journeyapps/sqlcipher';
import { describe, expect, it } from 'vitest';
import { Database } from '../../electron/database/sqlite';
import { StatementCache } from '../../electron/database/statement-cache';
import { tempDir } from './support/temp-dir';

async function rawDatabase(): Promise<sqlcipher.Database> {
  const file = join(await tempDir(), 'cache.db');
  return new Promise((resolve, reject) => {
    const handle = new sqlcipher.Database(file, (error) =>
      error ? reject(error) : resolve(handle),
    );
  });
}

describe('prepared statements kept for writes', () => {
  it('reuses one statement per SQL text, evicts the least recently used, and refuses bad SQL', async () => {
    const handle = await rawDatabase();
    const cache = new StatementCache(handle, 2);
    const a = await cache.statement('SELECT 1');
    expect(await cache.statement('SELECT 1')).toBe(a);
    const b = await cache.statement('SELECT 2');
    // Using the first again makes the second the oldest: a third text evicts it, not the first.
    await cache.statement('SELECT 1');
    await cache.statement('SELECT 3');
    expect(await cache.statement('SELECT 1')).toBe(a);
    expect(await cache.statement('SELECT 2')).not.toBe(b);
    // A statement that does not prepare fails every time, never hangs, and is not kept.
    await expect(cache.statement('INSERT INTO nowhere VALUES (1)')).rejects.toThrow(
      /no such table/,
    );
    await expect(cache.statement('INSERT INTO nowhere VALUES (1)')).rejects.toThrow(
      /no such table/,
    );
    await cache.clear();
    await new Promise<void>((resolve, reject) =>
      handle.close((error) => (error ? reject(error) : resolve())),
    );
  });

  it('writes through reused statements, across a schema change and a refused row, then closes', async () => {
    const db = await Database.open(join(await tempDir(), 'writes.db'));
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL)');
    const insert = 'INSERT INTO t (id, a) VALUES (?, ?)';
    expect(await db.run(insert, [1, 'x'])).toEqual({ lastId: 1, changes: 1 });
    await expect(db.run(insert, [1, 'again'])).rejects.toThrow(/UNIQUE/);
    await expect(db.run(insert, [2, null])).rejects.toThrow(/NOT NULL/);
    await db.exec('ALTER TABLE t ADD COLUMN b TEXT');
    expect(await db.run(insert, [3, 'z'])).toEqual({ lastId: 3, changes: 1 });
    expect((await db.run('UPDATE t SET b = ? WHERE id > ?', ['y', 0])).changes).toBe(2);
    await db.transaction(async (tx) => {
      await tx.run(insert, [4, 'w']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run(insert, [5, 'v']);
        await tx.run(insert, [5, 'dup']);
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.all('SELECT id, a, b FROM t ORDER BY id')).toEqual([
      { id: 1, a: 'x', b: 'y' },
      { id: 3, a: 'z', b: 'y' },
      { id: 4, a: 'w', b: null },
    ]);
    // Open statements would make closing fail (SQLITE_BUSY): close finalizes them first.
    await db.close();
  });
});
