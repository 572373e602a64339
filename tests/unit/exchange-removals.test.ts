import { describe, expect, it } from 'vitest';
import { isPartKind, NOTICE_KINDS, PART_KINDS } from '../../electron/exchange/manifest';
import { RECORD_KINDS } from '../../electron/exchange/table-records';
import { caseWithConsentingVictim, exportFile } from './support/exchange-cases';
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

const perpetrator = (description: string) => ({
  type: 'police' as const,
  identified: true,
  description,
  involvement: 'direct' as const,
});

describe('parts removed from a case travel with the case', () => {
  it('an edited aggression replaces its perpetrators at the other office, not beside them', async () => {
    const { a, b, cardB } = await partneredOffices();
    const made = await a.op('cases.create', {
      ...caseSample,
      aggressions: [aggressionSample, { ...aggressionSample, occurredOn: '2026-04-02' }],
      sources: [],
    });
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);

    // A corrects one aggression's perpetrators and removes the other aggression.
    const [edited, removed] = made.aggressions;
    await a.op('aggressions.update', {
      id: edited!.id,
      perpetrators: [perpetrator('Policía municipal')],
    });
    await a.op('aggressions.delete', { id: removed!.id });
    const preview = await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    expect(preview.removedThere).toBe(2);
    expect(preview.keptChangedHere).toBe(0);

    const atB = await b.op('cases.get', { id: made.id });
    expect(atB.aggressions.map((x) => x.id)).toEqual([edited!.id]);
    expect(atB.aggressions[0]!.perpetrators.map((p) => p.description)).toEqual([
      'Policía municipal',
    ]);
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

    expect((await b.op('cases.get', { id: made.id })).aggressions).toHaveLength(2);
    // The whole case stays at B with everything in it: the notice says the rest.
    expect((await b.op('cases.get', { id: whole.id })).aggressions).toHaveLength(1);
  });

  it('does not bring back what this office deleted when the other sends it unchanged', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const made = await a.op('cases.create', {
      ...caseSample,
      aggressions: [aggressionSample],
      sources: [],
    });
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
    expect(preview.counts).toMatchObject({ new: 0, deleted: 2 });
    await expect(a.op('cases.get', { id: made.id })).rejects.toMatchObject({ code: 'not_found' });
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

  it('names every kind of record: a whole, a part, or evidence (never removed from afar)', () => {
    const named = [...NOTICE_KINDS, ...PART_KINDS, 'evidence_items'];
    expect([...named].sort()).toEqual([...RECORD_KINDS].sort());
    // Parts are listed parents first, as the exchange inserts them.
    const inserted = RECORD_KINDS.filter((kind) => isPartKind(kind));
    expect([...PART_KINDS]).toEqual(inserted);
  });
});
