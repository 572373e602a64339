import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { aggressionSample, caseSample, sourceSample } from './support/record-samples';
import { codeOf, partneredOffices, type Office, vaultRows as rows } from './support/exchange-core';
import { checksum } from './support/db-checksum';
import { caseWithOneAggression, correctPerpetratorAtBoth } from './support/exchange-cases';
import { tempDir } from './support/temp-dir';

async function send(from: Office, to: Office, fingerprint: string, caseIds: string[]) {
  const folder = await tempDir();
  from.choose.folder = folder;
  await from.op('exchange.export', {
    jobId: randomUUID(),
    scope: { caseIds },
    to: { partners: [fingerprint] },
  });
  to.choose.file = `${folder}/${(await readdir(folder))[0]}`;
  const preview = (await to.op('exchange.preview', {}))!;
  await to.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });
  return preview;
}

/** A and B share a case, then both change its urgency: A's next import from B conflicts. */
async function conflictInA() {
  const { a, b, cardA, cardB } = await partneredOffices();
  const created = await a.op('cases.create', {
    ...caseSample,
    title: 'Amenazas en el Istmo',
    aggressions: [aggressionSample],
    sources: [sourceSample],
  });
  const id = created.id;
  await send(a, b, cardB.fingerprint, [id]);
  await a.op('cases.update', { id, urgency: 'critical' });
  await b.op('cases.update', { id, urgency: 'low' });
  const preview = await send(b, a, cardA.fingerprint, [id]);
  expect(preview.counts.conflict).toBe(1);
  const [conflict] = await a.op('exchange.conflicts', {});
  return { a, b, cardA, cardB, id, conflictId: conflict!.id };
}

describe('resolving exchange conflicts', () => {
  it('shows both versions side by side, field by field', async () => {
    const { a, id, conflictId } = await conflictInA();
    const versions = await a.op('exchange.conflict', { conflictId });
    expect(versions).toMatchObject({ kind: 'cases', recordId: id, localExists: true });
    const changed = versions.fields.filter((f) => f.differs);
    expect(changed.map((f) => f.field)).toContain('urgency');
    expect(versions.fields.find((f) => f.field === 'urgency')).toMatchObject({
      local: 'critical',
      incoming: 'low',
    });
    expect(versions.fields.find((f) => f.field === 'title')).toMatchObject({ differs: false });
  });

  it('takes the incoming version: written as an import would, with its origin', async () => {
    const { a, b, cardA, id, conflictId } = await conflictInA();
    await a.op('exchange.resolveConflict', { conflictId, keep: 'incoming' });
    expect((await a.op('cases.get', { id })).urgency).toBe('low');
    expect(await a.op('exchange.conflicts', {})).toEqual([]);
    expect(await codeOf(a.op('exchange.conflict', { conflictId }))).toBe('not_found');
    expect(await codeOf(a.op('exchange.resolveConflict', { conflictId, keep: 'local' }))).toBe(
      'not_found',
    );
    const [origin] = await rows(
      a,
      "SELECT office_name, import_id FROM record_origins WHERE kind = 'cases' AND record_id = ?",
      [id],
    );
    expect(origin?.['office_name']).toBe('Oficina Tegucigalpa');
    const [audit] = await a.op('audit.history', { entityId: conflictId });
    expect(audit).toMatchObject({ action: 'resolve_conflict', entity: 'exchange_conflict' });
    expect(audit?.changes).toMatchObject({ keep: 'incoming', kind: 'cases', recordId: id });
    expect(JSON.stringify(audit?.changes)).not.toContain('low');
    expect((await a.op('audit.verify', {})).intact).toBe(true);
    // Both hold the same version now: the next exchange is quiet.
    await b.op('cases.update', { id, title: 'Amenazas en el Istmo (2)' });
    const next = await send(b, a, cardA.fingerprint, [id]);
    expect(next.counts).toMatchObject({ update: 1, conflict: 0 });
  });

  it('keeps the local version, and the same incoming version is not reported again', async () => {
    const { a, b, cardA, id, conflictId } = await conflictInA();
    await a.op('exchange.resolveConflict', { conflictId, keep: 'local' });
    expect((await a.op('cases.get', { id })).urgency).toBe('critical');
    expect(await a.op('exchange.conflicts', {})).toEqual([]);
    const [audit] = await a.op('audit.history', { entityId: conflictId });
    expect(audit?.changes).toMatchObject({ keep: 'local', recordId: id });
    const again = await send(b, a, cardA.fingerprint, [id]);
    expect(again.counts).toMatchObject({ conflict: 0, update: 0 });
    expect((await a.op('cases.get', { id })).urgency).toBe('critical');
  });

  it('a conflict on a part whose aggression was deleted here can only be closed keeping ours', async () => {
    const { a, b, cardA } = await partneredOffices();
    const made = await caseWithOneAggression(a);
    await send(a, b, (await b.op('office.card', {})).fingerprint, [made.id]);
    const [act] = made.aggressions;
    await correctPerpetratorAtBoth(a, b, act!.id);
    await send(b, a, cardA.fingerprint, [made.id]);
    const [conflict] = await a.op('exchange.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'perpetrators', recordId: act!.perpetrators[0]!.id });
    expect(await a.op('exchange.conflict', { conflictId: conflict!.id })).toMatchObject({
      localExists: true,
      ownerDeletedHere: false,
    });

    // Someone at A deletes the aggression before the conflict is settled.
    await a.op('aggressions.delete', { id: act!.id });
    expect(await a.op('exchange.conflict', { conflictId: conflict!.id })).toMatchObject({
      localExists: false,
      ownerDeletedHere: true,
    });
    const before = await checksum(a);
    expect(
      await codeOf(
        a.op('exchange.resolveConflict', { conflictId: conflict!.id, keep: 'incoming' }),
      ),
    ).toBe('exchange_owner_deleted');
    expect(await checksum(a)).toEqual(before);
    await a.op('exchange.resolveConflict', { conflictId: conflict!.id, keep: 'local' });
    expect(await a.op('exchange.conflicts', {})).toEqual([]);
    expect((await a.op('cases.get', { id: made.id })).aggressions).toEqual([]);
  });

  it('a case deleted here while in conflict comes back only if someone takes theirs', async () => {
    const { a, id, conflictId } = await conflictInA();
    await a.op('cases.delete', { id });
    expect(await a.op('exchange.conflict', { conflictId })).toMatchObject({
      localExists: false,
      ownerDeletedHere: false,
    });
    await a.op('exchange.resolveConflict', { conflictId, keep: 'incoming' });
    expect((await a.op('cases.get', { id })).urgency).toBe('low');
  });

  it('one conflict waits per record: the same file again adds none, a newer version replaces it', async () => {
    const { a, b, cardA, id, conflictId } = await conflictInA();
    const again = await send(b, a, cardA.fingerprint, [id]);
    expect(again).toMatchObject({ counts: { conflict: 1 }, conflictsSettled: 0 });
    expect(await a.op('exchange.conflicts', {})).toHaveLength(1);

    await b.op('cases.update', { id, urgency: 'medium' });
    await send(b, a, cardA.fingerprint, [id]);
    const waiting = await a.op('exchange.conflicts', {});
    expect(waiting.map((c) => c.id)).toEqual([conflictId]);
    const versions = await a.op('exchange.conflict', { conflictId });
    expect(versions.fields.find((f) => f.field === 'urgency')).toMatchObject({
      local: 'critical',
      incoming: 'medium',
    });
  });

  it('settles a conflict once the other office holds the same version as here', async () => {
    const { a, b, cardA, id } = await conflictInA();
    // B comes round to A's urgency on its own: nothing is left to choose.
    await b.op('cases.update', { id, urgency: 'critical' });
    const preview = await send(b, a, cardA.fingerprint, [id]);
    expect(preview.counts.conflict).toBe(0);
    // Said before applying, and done by applying.
    expect(preview.conflictsSettled).toBe(1);
    expect(await a.op('exchange.conflicts', {})).toEqual([]);
    const [entry] = await a.op('audit.history', { entityId: preview.importId });
    expect(entry?.changes).toMatchObject({ conflictsSettled: 1 });
  });
});
