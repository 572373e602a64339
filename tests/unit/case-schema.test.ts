import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/database/migrations';
import { openDatabase } from '../../electron/database/open-database';
import { type Database } from '../../electron/database/sqlite';
import { tempDir } from './support/temp-dir';

const NOW = '2026-11-26T10:00:00.000Z';

async function freshDb(): Promise<Database> {
  return openDatabase(join(await tempDir(), 'schema.db'), randomBytes(32));
}

async function insertCase(db: Database, id: string, title = 'Caso') {
  await db.run(
    `INSERT INTO cases (id, title, status, urgency, confidentiality, created_at, updated_at)
     VALUES (?, ?, 'open', 'high', 'internal', ?, ?)`,
    [id, title, NOW, NOW],
  );
}

async function insertAggression(
  db: Database,
  id: string,
  caseId: string,
  on: string,
  text: string,
) {
  await db.run(
    `INSERT INTO aggressions (id, case_id, occurred_on, date_precision, scope, narrative, municipality, created_at, updated_at)
     VALUES (?, ?, ?, 'exact', 'personal', ?, 'Juchitán', ?, ?)`,
    [id, caseId, on, text, NOW, NOW],
  );
}

async function matches(db: Database, query: string): Promise<string[]> {
  const rows = await db.all(
    `SELECT d.kind || ':' || d.ref_id AS hit FROM case_fts JOIN search_docs d ON d.id = case_fts.rowid
     WHERE case_fts MATCH ? ORDER BY hit`,
    [query],
  );
  return rows.map((r) => String(r['hit']));
}

describe('case records schema', () => {
  it('migrates a version-2 database with its rows in place', async () => {
    const file = join(await tempDir(), 'old.db');
    const key = randomBytes(32);
    const old = await openDatabase(file, key, { migrations: migrations.slice(0, 2) });
    await old.run("INSERT INTO drafts (form_key, data, updated_at) VALUES ('k', '{}', 'now')");
    await old.close();
    const db = await openDatabase(file, key);
    expect((await db.get('SELECT data FROM drafts'))?.['data']).toBe('{}');
    await insertCase(db, 'c1');
    expect((await db.get('SELECT count(*) AS n FROM cases'))?.['n']).toBe(1);
    await db.close();
  });

  it('leaves cipher_memory_security off: its mlock per allocation exhausts vm.max_map_count on large vaults', async () => {
    const db = await freshDb();
    expect((await db.get('PRAGMA cipher_memory_security'))?.['cipher_memory_security']).toBe('0');
    await db.close();
  });

  it('refuses an aggression without a case and a victim link to a missing person', async () => {
    const db = await freshDb();
    await expect(insertAggression(db, 'a1', 'no-such-case', '2026-01-01', 'x')).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await insertCase(db, 'c1');
    await insertAggression(db, 'a1', 'c1', '2026-01-01', 'x');
    await expect(
      db.run(
        `INSERT INTO aggression_victims (id, aggression_id, person_id, role, created_at, updated_at)
         VALUES ('v1', 'a1', 'no-such-person', 'direct', ?, ?)`,
        [NOW, NOW],
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('keeps the case date span and the search index in step with its aggressions', async () => {
    const db = await freshDb();
    await insertCase(db, 'c1', 'Defensora del río');
    await insertAggression(db, 'a1', 'c1', '2026-03-01', 'amenazas frente a la radio comunitaria');
    await insertAggression(db, 'a2', 'c1', '2026-01-15', 'vigilancia del domicilio');
    const span = await db.get('SELECT first_aggression_on, last_aggression_on FROM cases');
    expect(span).toEqual({ first_aggression_on: '2026-01-15', last_aggression_on: '2026-03-01' });
    expect(await matches(db, 'radio')).toEqual(['narrative:a1']);
    expect(await matches(db, 'juchitan')).toEqual(['place:a1', 'place:a2']);

    await db.run("UPDATE aggressions SET narrative = 'allanamiento nocturno' WHERE id = 'a1'");
    expect(await matches(db, 'radio')).toEqual([]);
    expect(await matches(db, 'allanamiento')).toEqual(['narrative:a1']);

    await db.run("DELETE FROM aggressions WHERE id = 'a2'");
    expect(await matches(db, 'vigilancia')).toEqual([]);
    expect((await db.get('SELECT first_aggression_on AS f FROM cases'))?.['f']).toBe('2026-03-01');

    await db.run("DELETE FROM cases WHERE id = 'c1'");
    expect(await matches(db, 'allanamiento OR rio OR juchitan')).toEqual([]);
    expect((await db.get('SELECT count(*) AS n FROM search_docs'))?.['n']).toBe(0);
    // The index itself agrees with its content table.
    await db.run("INSERT INTO case_fts(case_fts, rank) VALUES ('integrity-check', 1)");
    await db.close();
  });

  it('renames a victim in the index when the person is renamed', async () => {
    const db = await freshDb();
    await insertCase(db, 'c1');
    await insertAggression(db, 'a1', 'c1', '2026-03-01', 'x');
    await db.run(
      `INSERT INTO people (id, name, confidentiality, created_at, updated_at)
       VALUES ('p1', 'Berta Cáceres Ficticia', 'restricted', ?, ?)`,
      [NOW, NOW],
    );
    await db.run(
      `INSERT INTO aggression_victims (id, aggression_id, person_id, role, created_at, updated_at)
       VALUES ('v1', 'a1', 'p1', 'direct', ?, ?)`,
      [NOW, NOW],
    );
    expect(await matches(db, 'caceres')).toEqual(['victim:v1']);
    await db.run("UPDATE people SET name = 'Lucía Ramírez' WHERE id = 'p1'");
    expect(await matches(db, 'caceres')).toEqual([]);
    expect(await matches(db, 'lucia')).toEqual(['victim:v1']);
    await expect(db.run("DELETE FROM people WHERE id = 'p1'")).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });
});
