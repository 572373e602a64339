import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/database/open-database';
import { openWithPassphrase } from '../../electron/vault/vault';
import { vaultPaths } from '../../electron/vault/vault-paths';
import { aggressionSample, caseSample, personSample } from './support/record-samples';
import { DISPLAY_NAME, startRecordsCore, type RecordsCore } from './support/records-core';
import { STRONG_PASSPHRASE } from './support/test-core';

let running: RecordsCore | null = null;
afterEach(async () => {
  await running?.core.close();
  running = null;
});

describe('the audit trail of case records', () => {
  it('writes who and what for each create, update and delete; a case shows its parts too', async () => {
    running = await startRecordsCore();
    const { op } = running;
    const created = await op('cases.create', {
      ...caseSample,
      aggressions: [aggressionSample],
      sources: [],
    });
    await op('cases.update', { id: created.id, status: 'closed', title: 'Nuevo título' });
    const act = created.aggressions[0]!;
    await op('aggressions.update', { id: act.id, types: ['threat'] });
    await op('aggressions.delete', { id: act.id });

    const history = await op('audit.history', { entityId: created.id });
    expect(history.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'case'],
      ['create', 'aggression'],
      ['update', 'case'],
      ['update', 'aggression'],
      ['delete', 'aggression'],
    ]);
    expect(history.every((e) => e.actor === DISPLAY_NAME)).toBe(true);
    expect(history[2]!.changes).toEqual({ set: { status: 'closed' }, textChanged: ['title'] });
    expect(history[3]!.changes).toEqual({
      caseId: created.id,
      set: { types: ['threat'] },
      textChanged: [],
    });
    expect(history[4]!.changes).toEqual({ caseId: created.id });
  });

  it('keeps no deleted words in the log, only ids', async () => {
    running = await startRecordsCore();
    const { op } = running;
    const person = await op('people.create', personSample);
    const created = await op('cases.create', {
      ...caseSample,
      aggressions: [
        {
          ...aggressionSample,
          victims: [{ personId: person.id, collectiveId: null, role: 'direct' }],
        },
      ],
      sources: [],
    });
    await op('cases.delete', { id: created.id });
    await op('people.delete', { id: person.id });
    const all = [
      ...(await op('audit.history', { entityId: created.id })),
      ...(await op('audit.history', { entityId: person.id })),
    ];
    expect(all.at(-1)).toMatchObject({ action: 'delete', entity: 'person', changes: null });
    const text = JSON.stringify(all);
    for (const secret of [
      personSample.name,
      'motocicleta',
      caseSample.title,
      '+52 971',
      'Juchitán',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('verifies the chain and reports the first tampered entry', async () => {
    running = await startRecordsCore();
    const { op, dir } = running;
    const created = await op('cases.create', { ...caseSample, aggressions: [], sources: [] });
    await op('cases.update', { id: created.id, status: 'monitoring' });
    await op('cases.update', { id: created.id, status: 'closed' });
    const intact = await op('audit.verify', {});
    expect(intact).toEqual({ intact: true, entries: expect.any(Number) });

    // Someone with the key edits the file behind the app's back.
    const paths = vaultPaths(dir);
    const db = await openDatabase(
      paths.databaseFile,
      await openWithPassphrase(paths, STRONG_PASSPHRASE),
    );
    const [target] = (await op('audit.history', { entityId: created.id })).slice(1, 2);
    await db.exec('DROP TRIGGER audit_log_no_update');
    await db.run(`UPDATE audit_log SET changes = '{"set":{"status":"open"}}' WHERE seq = ?`, [
      target!.seq,
    ]);
    await db.close();
    expect(await op('audit.verify', {})).toEqual({ intact: false, firstBrokenSeq: target!.seq });
  });
});
