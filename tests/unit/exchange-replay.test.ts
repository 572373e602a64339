import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBytes } from '../../electron/office/office-keys';
import { type ImportPreview } from '../../shared/contract/exchange';
import { nothingToTake } from '../../renderer/src/exchange/nothing-to-take';
import { caseWithEvidence, exportFile } from './support/exchange-cases';
import { codeOf, type Office, partneredOffices } from './support/exchange-core';
import { encryptTo, innerArchive, memorySource } from './support/exchange-files';
import { marker, tar } from './support/forged-tar';
import { withVaultDatabase } from './support/office-harness';
import { aggressionSample, caseSample } from './support/record-samples';
import { tempDir } from './support/temp-dir';

/** Every table's rows (sorted), by table: what "changes nothing" is checked against. */
function tables(office: Office): Promise<Record<string, string[]>> {
  return withVaultDatabase(office, async (db) => {
    const dump: Record<string, string[]> = {};
    const names = await db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    for (const { name } of names) {
      const rows = await db.all(`SELECT * FROM "${String(name)}"`);
      dump[String(name)] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return dump;
  });
}

async function preview(office: Office, file: string): Promise<ImportPreview> {
  office.choose.file = file;
  return (await office.op('exchange.preview', {}))!;
}

async function receive(office: Office, file: string, acceptUnverified = false) {
  const shown = await preview(office, file);
  await office.op('exchange.apply', { importId: shown.importId, acceptUnverified });
  return shown;
}

/** Read `file` again at `office`: the preview, and every table before and after applying it. */
async function readAgain(office: Office, file: string, acceptUnverified = false) {
  const before = await tables(office);
  const shown = await receive(office, file, acceptUnverified);
  return { shown, before, after: await tables(office) };
}

describe('an older partner file read again (issue 17)', () => {
  it('changes no table and has nothing to take: with evidence, with deletion notices, late', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const withEvidence = await caseWithEvidence(a, 'Amenazas con fotos', 70_000);
    const gone = await a.op('cases.create', {
      ...caseSample,
      title: 'Se borrará en A',
      aggressions: [],
      sources: [],
    });
    const trimmed = await a.op('cases.create', {
      ...caseSample,
      title: 'Pierde una agresión',
      aggressions: [aggressionSample, { ...aggressionSample, occurredOn: '2026-04-02' }],
      sources: [],
    });
    const first = (
      await exportFile(a, cardB.fingerprint, [withEvidence.caseId, gone.id, trimmed.id])
    ).file;
    expect((await receive(b, first)).counts.new).toBeGreaterThan(0);

    // A deletes a case and removes an aggression: its next file carries both notices.
    await a.op('cases.delete', { id: gone.id });
    await a.op('aggressions.delete', { id: trimmed.aggressions[1]!.id });
    await a.op('cases.update', { id: withEvidence.caseId, urgency: 'critical' });
    const notices = (await exportFile(a, cardB.fingerprint, [withEvidence.caseId, trimmed.id]))
      .file;
    expect(await receive(b, notices)).toMatchObject({ deletedThere: 1, removedThere: 1 });

    // A edits again; B reads that newer file, then B sends the case A deleted back to A (so B
    // shares it with A again: a replayed notice would now land on it).
    await a.op('cases.update', { id: trimmed.id, urgency: 'low' });
    await receive(b, (await exportFile(a, cardB.fingerprint, [trimmed.id])).file);
    await exportFile(b, cardA.fingerprint, [gone.id]);

    for (const [name, file] of [
      ['the first file (evidence)', first],
      ['the file with notices', notices],
    ] as const) {
      const { shown, before, after } = await readAgain(b, file);
      expect(shown.sender.status, name).toBe('verified');
      expect(nothingToTake(shown), name).toBe(true);
      expect(shown.counts, name).toMatchObject({ new: 0, update: 0, conflict: 0 });
      expect(shown.arriving.counts, name).toMatchObject({ new: 0, updated: 0, conflicting: 0 });
      expect(after, name).toEqual(before);
    }
    // What B holds is A's latest: the evidence case still critical, the aggression still gone.
    expect((await b.op('cases.get', { id: withEvidence.caseId })).urgency).toBe('critical');
    expect((await b.op('cases.get', { id: trimmed.id })).aggressions).toHaveLength(1);
    expect((await b.op('cases.get', { id: gone.id })).title).toBe('Se borrará en A');
  });

  it('a conflict already waiting with a later version of theirs is not asked again', async () => {
    const { a, b, cardB } = await partneredOffices();
    const made = await a.op('cases.create', { ...caseSample, aggressions: [], sources: [] });
    await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file);
    await b.op('cases.update', { id: made.id, title: 'Título de B' });
    await a.op('cases.update', { id: made.id, title: 'Título de A' });
    const older = (await exportFile(a, cardB.fingerprint, [made.id])).file;
    expect((await receive(b, older)).counts.conflict).toBe(1);
    await a.op('cases.update', { id: made.id, urgency: 'critical' });
    expect(
      (await receive(b, (await exportFile(a, cardB.fingerprint, [made.id])).file)).counts,
    ).toMatchObject({ conflict: 1 });

    const { shown, before, after } = await readAgain(b, older);
    expect(shown.counts.conflict).toBe(0);
    expect(nothingToTake(shown)).toBe(true);
    expect(after).toEqual(before);
    expect(await b.op('exchange.conflicts', {})).toHaveLength(1);
  });
});

describe('a replayed file without history (versions 1 and 2)', () => {
  it('is still refused; the same file of version 3 reads as nothing new', async () => {
    const { b, cardB } = await partneredOffices();
    const { manifest, keys } = await innerArchive(memorySource([], []));
    const folder = await tempDir();
    /** A file from that (unknown) office, as an app of `version` writes it. */
    const file = (sequence: number, version: number) => {
      const content = {
        ...manifest,
        version,
        sequence,
        exportId: randomUUID(),
        recipients: [cardB.fingerprint],
      };
      const bytes = Buffer.from(JSON.stringify(content));
      const archive = tar([
        ['format.json', marker(version)],
        ['manifest.json', bytes],
        ['manifest.sig', signBytes(keys, bytes)],
      ]);
      return encryptTo(cardB.ageRecipient, archive, folder);
    };
    await receive(b, await file(2, 3), true);
    for (const version of [1, 2]) {
      b.choose.file = await file(1, version);
      expect(await codeOf(b.op('exchange.preview', {})), `version ${version}`).toBe(
        'exchange_replayed',
      );
    }
    const { shown, before, after } = await readAgain(b, await file(1, 3), true);
    expect(nothingToTake(shown)).toBe(true);
    // Nothing logged, and the sender's sequence stays at 2.
    expect(after).toEqual(before);
  });
});
