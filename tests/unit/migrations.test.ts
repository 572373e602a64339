import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/database/migrate';
import { migrations } from '../../electron/database/migrations';
import { openDatabase } from '../../electron/database/open-database';
import { tempDir } from './support/temp-dir';

const latest = migrations.at(-1)!.version;

async function fileHash(file: string) {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

describe('migrations', () => {
  it('numbers them 1, 2, 3… with nothing missing', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('brings a fresh database to the latest version, recording each with its hash', async () => {
    const file = join(await tempDir(), 'fresh.db');
    const db = await openDatabase(file, randomBytes(32));
    expect(await schemaVersion(db)).toBe(latest);
    const applied = await db.all('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => r['version'])).toEqual(migrations.map((m) => m.version));
    expect((await db.get('PRAGMA foreign_keys'))?.['foreign_keys']).toBe(1);
    expect((await db.get('PRAGMA secure_delete'))?.['secure_delete']).toBe(1);
    expect((await db.get('PRAGMA journal_mode'))?.['journal_mode']).toBe('wal');
    await db.close();
  });

  it('brings an older database forward with its rows in place', async () => {
    const file = join(await tempDir(), 'old.db');
    const key = randomBytes(32);
    const old = await openDatabase(file, key, { migrations: migrations.slice(0, 1) });
    await old.run(
      "INSERT INTO office (id, office_name, display_name, created_at) VALUES (1, 'Red', 'Ana', 'x')",
    );
    expect(await schemaVersion(old)).toBe(1);
    await old.close();

    const db = await openDatabase(file, key);
    expect(await schemaVersion(db)).toBe(latest);
    expect((await db.get('SELECT office_name FROM office'))?.['office_name']).toBe('Red');
    await db.run("INSERT INTO drafts (form_key, data, updated_at) VALUES ('k', '{}', 'now')");
    await db.close();
  });

  it('refuses a database newer than the app and leaves it untouched', async () => {
    const file = join(await tempDir(), 'new.db');
    const key = randomBytes(32);
    const db = await openDatabase(file, key);
    await db.exec(`PRAGMA user_version = ${latest + 1}`);
    await db.close();
    const before = await fileHash(file);
    await expect(openDatabase(file, key)).rejects.toThrow('database_too_new');
    expect(await fileHash(file)).toBe(before);
  });

  it('refuses to run on a database whose applied migration was edited since', async () => {
    const file = join(await tempDir(), 'edited.db');
    const key = randomBytes(32);
    await (await openDatabase(file, key)).close();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql} -- edited` } : m));
    await expect(openDatabase(file, key, { migrations: edited })).rejects.toThrow(
      'database_corrupt',
    );
  });

  it('applies a failing migration not at all: same version, no half-made table', async () => {
    const file = join(await tempDir(), 'failing.db');
    const key = randomBytes(32);
    const db = await openDatabase(file, key);
    const broken = [
      ...migrations,
      {
        version: latest + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table;',
      },
    ];
    await expect(migrate(db, broken)).rejects.toThrow(/no_such_table/);
    expect(await schemaVersion(db)).toBe(latest);
    expect(await db.get("SELECT name FROM sqlite_master WHERE name = 'half'")).toBeUndefined();
    await db.close();
  });
});
