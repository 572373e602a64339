import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { aggressionSample, caseSample, sourceSample } from './support/record-samples';
import { codeOf, partneredOffices, startOffice, type Office } from './support/exchange-core';
import { tempDir } from './support/temp-dir';

async function exportTo(
  from: Office,
  to: { partners: string[] } | { passphrase: string },
  caseIds?: string[],
) {
  const folder = await tempDir();
  from.choose.folder = folder;
  const scope = caseIds ? { caseIds } : { all: true as const };
  const result = await from.op('exchange.export', { jobId: randomUUID(), scope, to });
  const files = await readdir(folder);
  return { result: result!, file: `${folder}/${files[0]}`, files };
}

async function importFile(into: Office, file: string, passphrase?: string) {
  into.choose.file = file;
  return (await into.op('exchange.preview', passphrase ? { passphrase } : {}))!;
}

async function threeCases(office: Office) {
  const ids: string[] = [];
  for (const title of ['Amenazas en el Istmo', 'Vigilancia a la radio', 'Desalojo en la sierra']) {
    const created = await office.op('cases.create', {
      ...caseSample,
      title,
      aggressions: [aggressionSample],
      sources: [sourceSample],
    });
    ids.push(created.id);
  }
  return ids;
}

describe('office cards and partners', () => {
  it('shows a card with a spoken fingerprint, saves it, and verifies, renames and removes partners', async () => {
    const a = await startOffice('Red de Defensoras del Istmo');
    const card = await a.op('office.card', {});
    expect(card.ageRecipient).toMatch(/^age1/);
    expect(card.spokenFingerprint).toMatch(/^(\d{4} ){5}\d{4}$/);
    expect(card.text).not.toContain('AGE-SECRET-KEY');
    a.choose.save = `${await tempDir()}/card.json`;
    expect(await a.op('office.saveCard', {})).toEqual({ saved: true });
    expect(await readFile(a.choose.save, 'utf8')).toBe(card.text);
    await a.op('office.copyCard', {});
    expect(a.clipboard()).toBe(card.text);

    const b = await startOffice('Oficina Tegucigalpa');
    b.choose.file = a.choose.save;
    const partner = (await b.op('partners.importCard', {}))!;
    expect(partner).toMatchObject({ name: card.name, verified: false });
    expect(partner.spokenFingerprint).toBe(card.spokenFingerprint);
    expect((await b.op('partners.verify', { fingerprint: partner.fingerprint })).verified).toBe(
      true,
    );
    expect(
      (await b.op('partners.rename', { fingerprint: partner.fingerprint, name: 'Istmo' })).name,
    ).toBe('Istmo');
    expect(await b.op('partners.list', {})).toHaveLength(1);
    await b.op('partners.remove', { fingerprint: partner.fingerprint });
    expect(await b.op('partners.list', {})).toEqual([]);
    expect(await codeOf(b.op('partners.importCard', { text: '{"format":"x"}' }))).toBe(
      'partner_card_invalid',
    );
    expect(await codeOf(a.op('partners.importCard', { text: card.text }))).toBe(
      'partner_card_invalid',
    );
  });
});

describe('exchange between two offices', () => {
  it('sends three cases A → B, back B → A with an edit, and keeps both versions on a conflict', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const ids = await threeCases(a);
    const first = await exportTo(a, { partners: [cardB.fingerprint] }, ids);
    expect(first.files).toEqual([first.result.fileName]);
    expect(first.result.fileName).toMatch(/^rg-[0-9a-f]{8}\.age$/);
    expect(a.events.some((e) => e.name === 'exchange.progress')).toBe(true);

    const preview = await importFile(b, first.file);
    expect(preview.sender).toMatchObject({ status: 'verified', fingerprint: cardA.fingerprint });
    expect(preview.counts).toMatchObject({ new: first.result.recordCount, conflict: 0 });
    await b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });
    const inB = await b.op('cases.get', { id: ids[0]! });
    expect(inB.title).toBe('Amenazas en el Istmo');
    expect(inB.aggressions[0]?.types).toEqual([...aggressionSample.types].sort());

    // The same file again is older news: nothing to take, no error.
    const replay = await importFile(b, first.file);
    expect(replay.counts).toMatchObject({ new: 0, update: 0, conflict: 0 });
    expect(replay.counts.unchanged).toBe(first.result.recordCount);
    await b.op('exchange.discard', { importId: replay.importId });

    // B edits one case and sends it back: A takes the update (only B changed it).
    await b.op('cases.update', { id: ids[0]!, status: 'monitoring' });
    const back = await exportTo(b, { partners: [cardA.fingerprint] }, ids);
    const previewA = await importFile(a, back.file);
    expect(previewA.counts).toMatchObject({ update: 1, conflict: 0, new: 0 });
    await a.op('exchange.apply', { importId: previewA.importId, acceptUnverified: false });
    expect((await a.op('cases.get', { id: ids[0]! })).status).toBe('monitoring');

    // Both edit the same case: the next import shows a conflict and keeps A's version.
    await a.op('cases.update', { id: ids[1]!, urgency: 'critical' });
    await b.op('cases.update', { id: ids[1]!, urgency: 'low' });
    const third = await exportTo(b, { partners: [cardA.fingerprint] }, ids);
    const previewC = await importFile(a, third.file);
    expect(previewC.counts.conflict).toBe(1);
    await a.op('exchange.apply', { importId: previewC.importId, acceptUnverified: false });
    expect((await a.op('cases.get', { id: ids[1]! })).urgency).toBe('critical');
    const conflicts = await a.op('exchange.conflicts', {});
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'cases',
        recordId: ids[1],
        officeName: 'Oficina Tegucigalpa',
      }),
    ]);
    const audit = await a.op('audit.verify', {});
    expect(audit.intact).toBe(true);
  });

  it('asks for explicit acceptance from an unknown sender, and reads a passphrase export', async () => {
    const a = await startOffice('Red de Defensoras del Istmo');
    const b = await startOffice('Oficina Tegucigalpa');
    await threeCases(a);
    const passphrase = 'siete garzas cruzan el río de noche';
    const sent = await exportTo(a, { passphrase });
    const preview = await importFile(b, sent.file, passphrase);
    expect(preview.sender.status).toBe('unknown');
    expect(preview.needsAcceptance).toBe(true);
    expect(
      await codeOf(b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false })),
    ).toBe('exchange_unverified_sender');
    const again = await importFile(b, sent.file, passphrase);
    const applied = await b.op('exchange.apply', {
      importId: again.importId,
      acceptUnverified: true,
    });
    expect(applied.counts.new).toBe(sent.result.recordCount);
    expect(await codeOf(importFile(b, sent.file, 'otra frase que no es la buena'))).toBe(
      'exchange_wrong_key',
    );
    const replay = await importFile(b, sent.file, passphrase);
    expect(replay.counts).toMatchObject({ new: 0, update: 0, conflict: 0 });
  });

  it('refuses to export to a partner nobody verified', async () => {
    const a = await startOffice('Red de Defensoras del Istmo');
    const b = await startOffice('Oficina Tegucigalpa');
    const partner = (await a.op('partners.importCard', {
      text: (await b.op('office.card', {})).text,
    }))!;
    expect(await codeOf(exportTo(a, { partners: [partner.fingerprint] }))).toBe(
      'exchange_unverified_sender',
    );
  });
});
