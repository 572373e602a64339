import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseDriver, type DriverName } from '../../electron/database/driver-choice';
import { setDriverLogSink } from '../../electron/database/driver-log';
import { openDatabase } from '../../electron/database/open-database';
import { sqliteWorkerRuntime } from '../../electron/database/signal-connection';
import { Database } from '../../electron/database/sqlite';
import { localWriteFailure } from '../../electron/files/io-failure';
import { tempDir } from './support/temp-dir';

describe('choosing the driver', () => {
  it('takes Signal’s on Windows only, unless RESGUARDO_DB_DRIVER says', () => {
    expect(chooseDriver({}, 'win32')).toBe('signal');
    expect(chooseDriver({}, 'linux')).toBe('journeyapps');
    expect(chooseDriver({}, 'darwin')).toBe('journeyapps');
    expect(chooseDriver({ RESGUARDO_DB_DRIVER: 'signal' }, 'linux')).toBe('signal');
    expect(chooseDriver({ RESGUARDO_DB_DRIVER: 'journeyapps' }, 'win32')).toBe('journeyapps');
    expect(() => chooseDriver({ RESGUARDO_DB_DRIVER: 'plain' }, 'linux')).toThrow();
  });

  it('runs the worker from source under tsx, and from the bundle beside out/main/index.js', () => {
    const source = sqliteWorkerRuntime(join(__dirname, '..', '..', 'electron', 'database'));
    expect(source.file).toMatch(/signal-worker\.ts$/);
    expect(source.preload).not.toBeNull();
    const bundle = join(__dirname, 'no-such-build', 'out', 'main');
    expect(sqliteWorkerRuntime(bundle)).toEqual({
      file: join(bundle, 'sqlite-worker.js'),
      preload: null,
    });
  });
});

afterEach(() => setDriverLogSink((code) => console.warn(`[database] ${code}`)));

describe.each<DriverName>(['journeyapps', 'signal'])('the %s driver', (driver) => {
  it('sets the same pragmas and a cipher version', async () => {
    const db = await openDatabase(join(await tempDir(), 'p.db'), randomBytes(32), { driver });
    expect(db.driver).toBe(driver);
    const pragma = async (name: string) => (await db.get(`PRAGMA ${name}`))?.[name];
    expect(await pragma('cipher_version')).toMatch(/^4\.\d+/);
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('secure_delete')).toBe(1);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('temp_store')).toBe(2);
    expect(await pragma('cache_size')).toBe(-256 * 1024);
    await db.close();
  });

  it('gives bytes back as Buffers and rolls a failed transaction back whole', async () => {
    const db = await openDatabase(join(await tempDir(), 't.db'), randomBytes(32), { driver });
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const bytes = randomBytes(300);
    const { lastId } = await db.run('INSERT INTO t (data) VALUES (?)', [bytes]);
    const row = await db.get('SELECT data FROM t WHERE id = ?', [lastId]);
    expect(Buffer.isBuffer(row?.['data'])).toBe(true);
    expect((row?.['data'] as Buffer).equals(bytes)).toBe(true);
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (data) VALUES (?)', [bytes]);
        await tx.run('INSERT INTO t (data) VALUES (NULL)');
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect((await db.get('SELECT count(*) AS n FROM t'))?.['n']).toBe(1);
    await db.close();
  });

  it('binds an array to numbered placeholders (?1, ?2) as to plain ones', async () => {
    const db = await Database.open(join(await tempDir(), 'n.db'), driver);
    expect(await db.get('SELECT ?1 AS a, ?2 AS b, ?1 AS c', [5, 'x'])).toEqual({
      a: 5,
      b: 'x',
      c: 5,
    });
    expect(await db.all('SELECT ? AS a', [7])).toEqual([{ a: 7 }]);
    await db.close();
  });

  it('says a full disk as SQLITE_FULL, which the app reports as disk_full', async () => {
    const db = await openDatabase(join(await tempDir(), 'f.db'), randomBytes(32), { driver });
    await db.exec('CREATE TABLE big (b BLOB)');
    const pages = Number((await db.get('PRAGMA page_count'))?.['page_count']);
    await db.get(`PRAGMA max_page_count = ${pages + 2}`);
    const error: unknown = await db
      .run('INSERT INTO big VALUES (?)', [randomBytes(64 * 1024)])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SQLITE_FULL' });
    expect(localWriteFailure(error)?.code).toBe('disk_full');
    await db.close();
  });

  it('refuses a damaged file as database_corrupt and logs codes without SQL', async () => {
    const logged: string[] = [];
    setDriverLogSink((code) => logged.push(code));
    const file = join(await tempDir(), 'd.db');
    await writeFile(file, randomBytes(8192));
    await expect(openDatabase(file, randomBytes(32), { driver })).rejects.toThrow(
      'database_corrupt',
    );
    const db = await Database.open(join(await tempDir(), 'l.db'), driver);
    await db.exec('SELECT secret_column_name FROM no_such_table').catch(() => undefined);
    await db.close();
    expect(logged.join(' ')).not.toMatch(/secret|no_such_table|SELECT/);
    if (driver === 'signal') expect(logged).toContain('SQLITE_ERROR');
  });

  it('keeps the event loop free while a long query runs', async () => {
    const db = await Database.open(join(await tempDir(), 'e.db'), driver);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    await db.get(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT sum(i) AS s FROM n',
    );
    clearInterval(timer);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
    await db.close();
  });
});
