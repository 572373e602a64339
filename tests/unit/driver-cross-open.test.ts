import { randomBytes } from 'node:crypto';
import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DriverName } from '../../electron/database/driver-choice';
import { schemaVersion } from '../../electron/database/migrate';
import { migrations } from '../../electron/database/migrations';
import { openDatabase } from '../../electron/database/open-database';
import { type Database } from '../../electron/database/sqlite';
import { tempDir } from './support/temp-dir';

const latest = migrations.at(-1)!.version;

async function addText(db: Database, ref: string, body: string) {
  await db.run(
    "INSERT INTO search_docs (case_id, kind, ref_id, body) VALUES ('c1', 'note', ?, ?)",
    [ref, body],
  );
}

async function found(db: Database, word: string): Promise<string[]> {
  const rows = await db.all(
    'SELECT d.ref_id FROM case_fts JOIN search_docs d ON d.id = case_fts.rowid WHERE case_fts MATCH ? ORDER BY d.ref_id',
    [word],
  );
  return rows.map((row) => String(row['ref_id']));
}

async function assertSound(db: Database) {
  expect(await schemaVersion(db)).toBe(latest);
  expect((await db.get('PRAGMA integrity_check'))?.['integrity_check']).toBe('ok');
  expect(await db.all('PRAGMA cipher_integrity_check')).toEqual([]);
}

const pairs: [DriverName, DriverName][] = [
  ['journeyapps', 'signal'],
  ['signal', 'journeyapps'],
];

describe.each(pairs)('a database made with %s, written with %s', (first, second) => {
  it('reopens with the first: rows, search, version and both integrity checks', async () => {
    const dir = await tempDir();
    const file = join(dir, 'cross.db');
    const key = randomBytes(32);

    const made = await openDatabase(file, key, { driver: first });
    await addText(made, 'uno', 'amenaza en Tehuantepec');
    await made.close();

    const other = await openDatabase(file, key, { driver: second });
    await assertSound(other);
    expect(await found(other, 'tehuantepec')).toEqual(['uno']);
    await addText(other, 'dos', 'amenaza repetida en Juchitán');
    // A crash with a commit only in the -wal: copy the files while the connection is open.
    await addText(other, 'tres', 'solo en el registro de escritura');
    await copyFile(file, join(dir, 'crashed.db'));
    await copyFile(`${file}-wal`, join(dir, 'crashed.db-wal'));
    expect((await stat(join(dir, 'crashed.db-wal'))).size).toBeGreaterThan(0);
    await other.close();

    const again = await openDatabase(file, key, { driver: first });
    await assertSound(again);
    expect(await found(again, 'amenaza')).toEqual(['dos', 'uno']);
    expect(await found(again, 'juchitan')).toEqual(['dos']);
    await again.close();

    const recovered = await openDatabase(join(dir, 'crashed.db'), key, { driver: first });
    await assertSound(recovered);
    expect(await found(recovered, 'escritura')).toEqual(['tres']);
    await recovered.close();

    await expect(openDatabase(file, randomBytes(32), { driver: second })).rejects.toThrow(
      'database_corrupt',
    );
    await expect(openDatabase(file, randomBytes(32), { driver: first })).rejects.toThrow(
      'database_corrupt',
    );
  });
});
