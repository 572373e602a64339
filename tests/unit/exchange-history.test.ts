import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { partneredOffices, type Office, vaultRows } from './support/exchange-core';
import { exportCases, importAt, mergeOffice, previewAt } from './support/merge-offices';
import { caseSample, personSample } from './support/record-samples';
import { classifyAll } from '../../electron/exchange/merge';
import { arrivingWholes } from '../../electron/exchange/preview-names';
import { readRecord } from '../../electron/exchange/table-records';
import { insertPerson } from '../../electron/repositories/people-repository';
import { tempDir } from './support/temp-dir';

/** `from` exports these cases to `to`; the file stays on the "stick" to be read again. */
async function exportTo(from: Office, to: string, caseIds: string[]) {
  const folder = await tempDir();
  from.choose.folder = folder;
  await from.op('exchange.export', {
    jobId: randomUUID(),
    scope: { caseIds },
    to: { partners: [to] },
  });
  return `${folder}/${(await readdir(folder))[0]}`;
}

async function read(office: Office, file: string, apply = true) {
  office.choose.file = file;
  const preview = (await office.op('exchange.preview', {}))!;
  if (apply)
    await office.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });
  else await office.op('exchange.discard', { importId: preview.importId });
  return preview;
}

/** A and B hold one case; then both change its title and urgency. */
async function bothEdited() {
  const { a, b, cardA, cardB } = await partneredOffices();
  const { id } = await a.op('cases.create', {
    ...caseSample,
    title: 'Amenazas en el Istmo',
    aggressions: [],
    sources: [],
  });
  await read(b, await exportTo(a, cardB.fingerprint, [id]));
  await a.op('cases.update', { id, title: 'Amenazas en el Istmo (A)', urgency: 'critical' });
  await b.op('cases.update', { id, title: 'Amenazas en el Istmo (B)', urgency: 'low' });
  return { a, b, cardA, cardB, id };
}

describe('merging from history (issue 17, measured stories)', () => {
  it('story 1: a conflict waits at both offices, and one resolution settles it at both', async () => {
    const { a, b, cardA, cardB, id } = await bothEdited();
    const first = await read(a, await exportTo(b, cardA.fingerprint, [id]));
    expect(first.counts.conflict).toBe(1);
    // The preview names the case, in its group.
    expect(first.arriving).toEqual({
      counts: { new: 0, updated: 0, conflicting: 1, unchanged: 0 },
      items: [
        {
          kind: 'cases',
          id,
          group: 'conflicting',
          label: 'Amenazas en el Istmo (B)',
          shownAs: 'title',
        },
      ],
    });

    // Before A resolves, A sends to B: B is told of the conflict, and keeps its own edit.
    const toB = await read(b, await exportTo(a, cardB.fingerprint, [id]));
    expect(toB.counts).toMatchObject({ conflict: 1, update: 0 });
    expect(await b.op('cases.get', { id })).toMatchObject({
      title: 'Amenazas en el Istmo (B)',
      urgency: 'low',
    });
    expect(await b.op('exchange.conflicts', {})).toHaveLength(1);

    // A takes theirs: a new version, which settles B's conflict when it arrives there.
    const [conflict] = await a.op('exchange.conflicts', {});
    await a.op('exchange.resolveConflict', { conflictId: conflict!.id, keep: 'incoming' });
    const settled = await read(b, await exportTo(a, cardB.fingerprint, [id]));
    expect(settled).toMatchObject({ conflictsSettled: 1, counts: { conflict: 0 } });
    expect(await b.op('exchange.conflicts', {})).toEqual([]);
    const atA = await a.op('cases.get', { id });
    const atB = await b.op('cases.get', { id });
    expect(atA).toMatchObject({ title: 'Amenazas en el Istmo (B)', urgency: 'low' });
    expect(atB).toEqual(atA);
    // Both offices hold the same version with the same history: the next exchange is quiet.
    const back = await read(a, await exportTo(b, cardA.fingerprint, [id]));
    expect(back.counts).toMatchObject({ conflict: 0, update: 0, new: 0 });
  });

  it('story 2: an own older file read back changes nothing and reports nothing', async () => {
    const { a, cardB, id } = await bothEdited();
    const old = await exportTo(a, cardB.fingerprint, [id]);
    await a.op('cases.update', { id, urgency: 'medium' });
    const records = async () => [
      await vaultRows(a, 'SELECT * FROM cases ORDER BY id'),
      await vaultRows(a, 'SELECT * FROM record_versions ORDER BY kind, record_id'),
      await vaultRows(a, 'SELECT id, resolved_at FROM exchange_conflicts ORDER BY id'),
    ];
    const before = await records();
    const preview = await read(a, old);
    expect(preview.sender.status).toBe('self');
    expect(preview.counts).toMatchObject({ conflict: 0, update: 0, new: 0, deleted: 0 });
    expect(preview.conflictsSettled).toBe(0);
    expect((await a.op('cases.get', { id })).urgency).toBe('medium');
    expect(await a.op('exchange.conflicts', {})).toEqual([]);
    // Nothing of the records changed (the import itself is in the log and the replay counter).
    expect(await records()).toEqual(before);
  });

  it('settles field by field: their urgency, our title; both versions stay readable', async () => {
    const { a, b, cardA, cardB, id } = await bothEdited();
    await read(a, await exportTo(b, cardA.fingerprint, [id]));
    await read(b, await exportTo(a, cardB.fingerprint, [id]));
    const [conflict] = await a.op('exchange.conflicts', {});
    await a
      .op('exchange.resolveConflict', {
        conflictId: conflict!.id,
        fields: { title: 'local', urgency: 'incoming', tags: { value: 'x' } },
      })
      .catch(() => undefined);
    // A value this field cannot hold is refused, and nothing is settled.
    expect(await a.op('exchange.conflicts', {})).toHaveLength(1);
    await a.op('exchange.resolveConflict', {
      conflictId: conflict!.id,
      fields: { title: 'local', urgency: 'incoming' },
    });
    expect(await a.op('cases.get', { id })).toMatchObject({
      title: 'Amenazas en el Istmo (A)',
      urgency: 'low',
    });
    const [kept] = await vaultRows(
      a,
      'SELECT incoming, local_version, resolved_version FROM exchange_conflicts WHERE id = ?',
      [conflict!.id],
    );
    expect(JSON.parse(String(kept!['incoming'])).data).toMatchObject({
      urgency: 'low',
      title: 'Amenazas en el Istmo (B)',
    });
    expect(JSON.parse(String(kept!['local_version'])).data).toMatchObject({ urgency: 'critical' });
    expect(JSON.parse(String(kept!['resolved_version'])).data).toMatchObject({
      urgency: 'low',
      title: 'Amenazas en el Istmo (A)',
    });
    // Readable through the contract too: ours, theirs and the result, field by field.
    const [history] = await a.op('exchange.recordHistory', { kind: 'cases', id });
    expect(history).toMatchObject({ conflictId: conflict!.id, officeName: 'Oficina Tegucigalpa' });
    expect(history!.fields.find((f) => f.field === 'urgency')).toEqual({
      field: 'urgency',
      local: 'critical',
      incoming: 'low',
      resolved: 'low',
    });
    const [audit] = await a.op('audit.history', { entityId: conflict!.id });
    expect(audit?.changes).toMatchObject({
      keep: 'fields',
      fields: { title: 'local', urgency: 'incoming' },
    });

    // The one new version travels and settles B's conflict: both hold it.
    const settled = await read(b, await exportTo(a, cardB.fingerprint, [id]));
    expect(settled.conflictsSettled).toBe(1);
    expect(await b.op('cases.get', { id })).toEqual(await a.op('cases.get', { id }));
  });
});

describe('the preview names what arrives', () => {
  it('a restricted person by her pseudonym only, the others by name, grouped with counts', async () => {
    const a = await mergeOffice('a');
    const b = await mergeOffice('b');
    const rosa = await a.db.transaction((tx) => insertPerson(tx, personSample));
    const ana = await a.db.transaction((tx) =>
      insertPerson(tx, {
        ...personSample,
        name: 'Ana Pérez',
        pseudonym: null,
        confidentiality: 'internal',
      }),
    );
    const hidden = await a.db.transaction((tx) =>
      insertPerson(tx, { ...personSample, name: 'Sin Seudónimo', pseudonym: null }),
    );
    const records = [];
    for (const id of [rosa, ana, hidden]) records.push((await readRecord(a.db, 'people', id))!);
    const classified = await classifyAll(b.db, a.fingerprint, records);
    const arriving = await arrivingWholes(b.db, classified);
    expect(arriving.counts).toEqual({ new: 3, updated: 0, conflicting: 0, unchanged: 0 });
    const byId = new Map(arriving.items.map((i) => [i.id, i]));
    expect(byId.get(rosa)).toMatchObject({ label: 'Xochitl', shownAs: 'pseudonym' });
    expect(byId.get(ana)).toMatchObject({ label: 'Ana Pérez', shownAs: 'name' });
    expect(byId.get(hidden)).toMatchObject({ label: '', shownAs: 'protected' });
    expect(JSON.stringify(arriving)).not.toContain('Rosa Itzel');
  });
});

describe('files of versions 1 and 2 (no history)', () => {
  it('still merge: compared against the version last exchanged with the sender', async () => {
    const a = await mergeOffice('a');
    const b = await mergeOffice('b');
    const id = randomUUID();
    const at = new Date().toISOString();
    await a.db.run(
      `INSERT INTO cases (id, title, status, urgency, confidentiality, created_at, updated_at)
       VALUES (?, 'Caso', 'open', 'medium', 'internal', ?, ?)`,
      [id, at, at],
    );
    const legacy = async (from: typeof a, to: typeof b) => {
      const file = await exportCases(from, [to], [id]);
      // What an app without histories writes: the same records, no `v`.
      return { ...file, records: file.records.map(({ v: _v, s: _s, ...r }) => r) };
    };
    await importAt(b, await legacy(a, b));
    expect((await b.db.all('SELECT title FROM cases WHERE id = ?', [id]))[0]).toEqual({
      title: 'Caso',
    });
    // Changed at A only: an update at B, which notes a history for it.
    await a.db.run("UPDATE cases SET title = 'Caso (A)', updated_at = ? WHERE id = ?", [
      `${at}1`,
      id,
    ]);
    const update = await legacy(a, b);
    expect((await previewAt(b, update)).map((c) => c.verdict)).toEqual(['update']);
    await importAt(b, update);
    // Changed at both: a conflict, as before.
    await a.db.run("UPDATE cases SET title = 'Caso (A2)', updated_at = ? WHERE id = ?", [
      `${at}2`,
      id,
    ]);
    await b.db.run("UPDATE cases SET title = 'Caso (B)', updated_at = ? WHERE id = ?", [
      `${at}3`,
      id,
    ]);
    expect((await previewAt(b, await legacy(a, b))).map((c) => c.verdict)).toEqual(['conflict']);
    // Read again, an old legacy file the receiver has moved past is nothing new.
    expect((await previewAt(b, update)).map((c) => c.verdict)).not.toContain('update');
  });
});
