import { describe, expect, it } from 'vitest';
import { isPartKind, NOTICE_KINDS, PART_KINDS } from '../../electron/exchange/manifest';
import { RECORD_KINDS } from '../../electron/exchange/table-records';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { evidenceDir } from '../../electron/evidence/evidence-paths';
import {
  addEvidence,
  caseWithConsentingVictim,
  caseWithEvidence,
  caseWithOneAggression,
  correctPerpetratorAtBoth,
  exportFile,
  perpetratorNamed,
} from './support/exchange-cases';
import { type Office, partneredOffices } from './support/exchange-core';
import { aggressionSample, caseSample } from './support/record-samples';
import { assessmentSample, measureSample } from './support/risk-samples';

/** Preview `file` at `office`, then apply it. */
async function receive(office: Office, file: string) {
  office.choose.file = file;
  const preview = (await office.op('exchange.preview', {}))!;
  await office.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });
  return preview;
}

/** A case B received from A, whose one perpetrator both offices then corrected differently. */
async function perpetratorCorrectedAtBoth() {
  const { a, b, cardB } = await partneredOffices();
  const made = await caseWithOneAggression(a);
  await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
  const act = made.aggressions[0]!;
  await correctPerpetratorAtBoth(a, b, act.id);
  return { a, b, cardB, made, act };
}

describe('parts removed from a case travel with the case', () => {
  it('an edited aggression keeps the same perpetrators at both offices, never both lists', async () => {
    const { a, b, cardB } = await partneredOffices();
    const made = await a.op('cases.create', {
      ...caseSample,
      aggressions: [aggressionSample, { ...aggressionSample, occurredOn: '2026-04-02' }],
      sources: [],
    });
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    const [edited, removed] = made.aggressions;
    const perpetratorsAt = async (office: Office) =>
      (await office.op('cases.get', { id: made.id })).aggressions.flatMap((x) =>
        x.perpetrators.map((p) => ({ id: p.id, description: p.description })),
      );

    // A corrects one aggression's perpetrator and adds another; it removes the other aggression.
    await a.op('aggressions.update', {
      id: edited!.id,
      perpetrators: [perpetratorNamed('Policía municipal'), perpetratorNamed('Seguridad privada')],
    });
    await a.op('aggressions.delete', { id: removed!.id });
    let preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(preview).toMatchObject({ removedThere: 1, keptChangedHere: 0 });
    // What applying removes is listed first.
    expect(preview.records[0]).toEqual({
      kind: 'aggressions',
      id: removed!.id,
      verdict: 'removed',
    });
    const [corrected] = edited!.perpetrators;
    expect(await perpetratorsAt(b)).toEqual([
      { id: corrected!.id, description: 'Policía municipal' },
      { id: expect.any(String), description: 'Seguridad privada' },
    ]);
    expect(await perpetratorsAt(b)).toEqual(await perpetratorsAt(a));

    // A then takes the first one out: it goes at B too.
    await a.op('aggressions.update', {
      id: edited!.id,
      perpetrators: [perpetratorNamed('Seguridad privada')],
    });
    preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(preview.removedThere).toBe(1);
    expect((await perpetratorsAt(b)).map((p) => p.description)).toEqual(['Seguridad privada']);
    expect(await perpetratorsAt(b)).toEqual(await perpetratorsAt(a));
  });

  it('both offices correct the same perpetrator: one conflict, never both lists', async () => {
    const { a, b, cardB, made, act } = await perpetratorCorrectedAtBoth();

    const preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(preview.records).toContainEqual({
      kind: 'perpetrators',
      id: act.perpetrators[0]!.id,
      verdict: 'conflict',
    });
    // Only the perpetrator: the aggression both edits touched reads the same at both offices.
    expect(preview.counts).toMatchObject({ new: 0, conflict: 1 });
    // B's version stays until someone resolves the conflict; A's is kept beside it.
    const [atB] = (await b.op('cases.get', { id: made.id })).aggressions;
    expect(atB!.perpetrators.map((p) => p.description)).toEqual(['Policía estatal']);
  });

  it('settles a conflict waiting on a part the other office then removes', async () => {
    const { a, b, cardB, made, act } = await perpetratorCorrectedAtBoth();
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(await b.op('exchange.conflicts', {})).toHaveLength(1);

    // A removes the aggression: its version of the perpetrator is gone, nothing to choose.
    await a.op('aggressions.delete', { id: act.id });
    const preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    // B changed the perpetrator since, so the aggression stays here.
    expect(preview).toMatchObject({ removedThere: 0, keptChangedHere: 1, conflictsSettled: 1 });
    expect(await b.op('exchange.conflicts', {})).toEqual([]);
    const [entry] = await b.op('audit.history', { entityId: preview.importId });
    expect(entry?.changes).toMatchObject({ conflictsSettled: 1, keptChangedHere: 1 });
    const [kept] = (await b.op('cases.get', { id: made.id })).aggressions;
    expect(kept!.perpetrators.map((p) => p.description)).toEqual(['Policía estatal']);
  });

  it('both offices make the same correction: nothing to resolve, and the next exchange is quiet', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const made = await caseWithOneAggression(a);
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    const [act] = made.aggressions;
    const correction = { id: act!.id, perpetrators: [perpetratorNamed('Policía municipal')] };
    await a.op('aggressions.update', correction);
    await b.op('aggressions.update', correction);

    const preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(preview.counts.conflict).toBe(0);
    expect(await b.op('exchange.conflicts', {})).toEqual([]);
    // A's edit came first, so B's later one stands; sent back, A takes it and all is settled.
    const back = await receive(a, (await exportFile(b, cardA.fingerprint, [made.id])).file);
    expect(back.counts.conflict).toBe(0);
    const again = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(again.counts).toMatchObject({ new: 0, update: 0, conflict: 0 });
    const [atA] = (await a.op('cases.get', { id: made.id })).aggressions;
    const [atB] = (await b.op('cases.get', { id: made.id })).aggressions;
    expect(atA).toEqual(atB);
  });

  it('keeps a part the receiver changed since, and never strips a case the sender deleted', async () => {
    const { a, b, cardB } = await partneredOffices();
    const made = await a.op('cases.create', {
      ...caseSample,
      aggressions: [aggressionSample, { ...aggressionSample, occurredOn: '2026-04-02' }],
      sources: [],
    });
    const whole = await a.op('cases.create', {
      ...caseSample,
      title: 'Se borrará entero',
      aggressions: [aggressionSample],
      sources: [],
    });
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id, whole.id])).file);

    // B corrects the narrative of an aggression A then removes; A also deletes a whole case.
    const [, removed] = made.aggressions;
    await b.op('aggressions.update', { id: removed!.id, narrative: 'Relato corregido en B.' });
    await a.op('aggressions.delete', { id: removed!.id });
    await a.op('cases.delete', { id: whole.id });
    const preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(preview).toMatchObject({ removedThere: 0, keptChangedHere: 1, deletedThere: 1 });
    expect(preview.records[0]).toEqual({
      kind: 'aggressions',
      id: removed!.id,
      verdict: 'keptHere',
    });

    expect((await b.op('cases.get', { id: made.id })).aggressions).toHaveLength(2);
    // The whole case stays at B with everything in it: the notice says the rest.
    expect((await b.op('cases.get', { id: whole.id })).aggressions).toHaveLength(1);
  });

  it('does not bring back what this office deleted when the other sends it unchanged', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const made = await caseWithOneAggression(a);
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);

    // A removes the aggression; B, not yet told, sends the case back as it had it.
    await a.op('aggressions.delete', { id: made.aggressions[0]!.id });
    const preview = await receive(a, (await exportFile(b, cardA.fingerprint, [made.id])).file);
    expect(preview.counts.new).toBe(0);
    expect(preview.counts.deleted).toBe(2);
    expect((await a.op('cases.get', { id: made.id })).aggressions).toEqual([]);

    // A's next file still tells B, which then removes it too.
    const told = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(told.removedThere).toBe(1);
    expect((await b.op('cases.get', { id: made.id })).aggressions).toEqual([]);
  });

  it('does not bring back a case deleted here, nor what the other office added to it since', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const made = await a.op('cases.create', { ...caseSample, aggressions: [], sources: [] });
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);

    // A deletes the case; B, not yet told, adds a note to it and sends it back.
    await a.op('cases.delete', { id: made.id });
    await b.op('notes.add', { caseId: made.id, body: 'Llamada de seguimiento.' });
    const preview = await receive(a, (await exportFile(b, cardA.fingerprint, [made.id])).file);
    // B changed the case after the version A deleted: a conflict waits (nothing comes back
    // unless someone takes theirs); the note hangs from it and stays out.
    expect(preview.counts).toMatchObject({ new: 0, deleted: 1, conflict: 1 });
    await expect(a.op('cases.get', { id: made.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stores no evidence of a case deleted here when the other office sends it back', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const { caseId } = await caseWithEvidence(a, 'acta', 70_000);
    await receive(b, (await exportFile(a, cardB.fingerprint, [caseId])).file);

    // A deletes the case; B, not yet told, adds a second file to it and sends it back.
    await a.op('cases.delete', { id: caseId });
    await addEvidence(b, caseId, 'foto', randomBytes(90_000));
    const before = await readdir(evidenceDir(a.dir));
    const preview = await receive(a, (await exportFile(b, cardA.fingerprint, [caseId])).file);
    // The case, both items and their custody entries stay gone, and no file is stored; the
    // case, changed there since the version deleted here, waits as a conflict.
    expect(preview.counts).toMatchObject({ new: 0, deleted: 5, conflict: 1 });
    expect(await readdir(evidenceDir(a.dir))).toEqual(before);
    await expect(a.op('cases.get', { id: caseId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps an assessment removed there when someone here added to it since', async () => {
    const { a, b, cardB } = await partneredOffices();
    const { person, kase: made } = await caseWithConsentingVictim(a);
    const kept = await a.op('risk.create', { ...assessmentSample, personId: person.id });
    const gone = await a.op('risk.create', {
      ...assessmentSample,
      assessedOn: '2026-03-20',
      personId: person.id,
    });
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);

    // B adds a measure to one assessment (the assessment itself unchanged); A deletes both.
    await b.op('plans.addMeasure', { assessmentId: kept.id, ...measureSample });
    await a.op('risk.delete', { id: kept.id });
    await a.op('risk.delete', { id: gone.id });
    const preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(preview).toMatchObject({ removedThere: 1, keptChangedHere: 1 });
    expect((await b.op('risk.get', { id: kept.id })).threats).toHaveLength(1);
    await expect(b.op('risk.get', { id: gone.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('names every kind of record: a whole, a part, or evidence and its custody (never removed from afar)', () => {
    const named = [...NOTICE_KINDS, ...PART_KINDS, 'evidence_items', 'evidence_custody'];
    expect([...named].sort()).toEqual([...RECORD_KINDS].sort());
    // Parts are listed parents first, as the exchange inserts them.
    const inserted = RECORD_KINDS.filter((kind) => isPartKind(kind));
    expect([...PART_KINDS]).toEqual(inserted);
  });
});
