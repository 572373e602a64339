import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/database/open-database';
import { tempDir } from './support/temp-dir';

describe('a crash mid-write', () => {
  it('loses nothing committed and keeps nothing half-written', async () => {
    const file = join(await tempDir(), 'crash.db');
    const key = randomBytes(32);
    const child = promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, 'fixtures/crash-mid-write.ts'),
        file,
        key.toString('hex'),
      ],
      { cwd: join(__dirname, '../..') },
    );
    const outcome = await child.then(
      () => 'exited',
      (error: { signal?: string }) => error.signal,
    );
    expect(outcome).toBe('SIGKILL');

    const db = await openDatabase(file, key);
    const rows = await db.all('SELECT form_key FROM drafts ORDER BY form_key');
    expect(rows.map((r) => r['form_key'])).toEqual(['committed']);
    await db.close();
  });
});
