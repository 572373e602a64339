import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFile } from './support/exchange-cases';
import { type Office, partneredOffices, vaultRows } from './support/exchange-core';
import { encryptTo, innerArchive, memorySource, sampleRecords } from './support/exchange-files';
import { caseSample } from './support/record-samples';
import { tempDir } from './support/temp-dir';

async function newCase(office: Office, title: string) {
  return office.op('cases.create', { ...caseSample, title, aggressions: [], sources: [] });
}

/** Preview `file` at `office`; apply it unless told not to. */
async function receive(office: Office, file: string, { apply = true } = {}) {
  office.choose.file = file;
  const preview = (await office.op('exchange.preview', {}))!;
  if (apply) {
    await office.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });
  } else await office.op('exchange.discard', { importId: preview.importId });
  return preview;
}

/** The format marker inside an export, read with the age CLI and tar as anyone could. */
async function formatMarker(office: Office, file: string): Promise<unknown> {
  const [keys] = await vaultRows(office, 'SELECT age_identity FROM office_keys');
  const keyFile = join(await tempDir(), 'key.txt');
  await writeFile(keyFile, `${String(keys!['age_identity'])}\n`);
  const text = execFileSync('sh', ['-c', `age -d -i ${keyFile} ${file} | tar -xO format.json`]);
  return JSON.parse(text.toString());
}

describe('deletions travel as notices', () => {
  it('tells an office that holds a copy, once; its copy stays, with the notice beside it', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const gone = await newCase(a, 'Se borrará en la red');
    const kept = await newCase(a, 'Sigue en las dos oficinas');
    const neverSent = await newCase(a, 'Nunca salió de aquí');
    await receive(b, (await exportFile(a, cardB.fingerprint, [gone.id, kept.id])).file);

    // A deletes one case B has, and one B never had; its next file to B says so of the first.
    await a.op('cases.delete', { id: gone.id });
    await a.op('cases.delete', { id: neverSent.id });
    const told = (await exportFile(a, cardB.fingerprint, [kept.id])).file;
    expect(await formatMarker(b, told)).toMatchObject({ format: 'resguardo-exchange', version: 3 });
    const preview = await receive(b, told);
    expect(preview.deletedThere).toBe(1);

    // B keeps its copy (only a person deletes), with the notice; A no longer holds it.
    expect((await b.op('cases.get', { id: gone.id })).title).toBe('Se borrará en la red');
    expect(await b.op('exchange.provenance', { kind: 'cases', id: gone.id })).toMatchObject({
      exchangedWith: [],
      deletedThere: [{ officeName: cardA.name, exportedAt: preview.createdAt }],
    });
    const [audit] = await vaultRows(
      b,
      "SELECT changes FROM audit_log WHERE action = 'import' ORDER BY rowid DESC LIMIT 1",
    );
    expect(JSON.parse(String(audit!['changes']))).toMatchObject({ deletedThere: 1 });

    // Told once: the next file has no notice (every file is version 3: its records carry history).
    const after = (await exportFile(a, cardB.fingerprint, [kept.id])).file;
    expect(await formatMarker(b, after)).toMatchObject({
      format: 'resguardo-exchange',
      version: 3,
    });
    expect((await receive(b, after, { apply: false })).deletedThere).toBe(0);

    // When B deletes its copy too, the notice goes with it; and B tells A nothing (A has none).
    await b.op('cases.delete', { id: gone.id });
    expect(await vaultRows(b, 'SELECT * FROM exchange_deletion_notices')).toEqual([]);
  });

  it('ignores a notice about a record the sender never exchanged with this office', async () => {
    const { a, b, cardB } = await partneredOffices();
    const shared = await newCase(a, 'Compartido con B');
    await receive(b, (await exportFile(a, cardB.fingerprint, [shared.id])).file);
    // Another office (it never had this case from B) says it deleted it, and a made-up id.
    const { tar } = await innerArchive(memorySource(sampleRecords, []), undefined, [
      { kind: 'cases', id: shared.id },
      { kind: 'people', id: crypto.randomUUID() },
    ]);
    const preview = await receive(b, await encryptTo(cardB.ageRecipient, tar, await tempDir()), {
      apply: false,
    });
    expect(preview.deletedThere).toBe(0);
  });

  it('tells the office the record came from when the receiver deletes it', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const shared = await newCase(a, 'Compartido');
    await receive(b, (await exportFile(a, cardB.fingerprint, [shared.id])).file);
    await b.op('cases.delete', { id: shared.id });
    const other = await newCase(b, 'Otro expediente');

    const preview = await receive(a, (await exportFile(b, cardA.fingerprint, [other.id])).file);
    expect(preview.deletedThere).toBe(1);
    expect(await a.op('exchange.provenance', { kind: 'cases', id: shared.id })).toMatchObject({
      exchangedWith: [],
      deletedThere: [{ officeName: cardB.name }],
    });

    // A sends it to B again: B holds it once more, and the notice no longer stands.
    await receive(b, (await exportFile(a, cardB.fingerprint, [shared.id])).file);
    expect(await a.op('exchange.provenance', { kind: 'cases', id: shared.id })).toMatchObject({
      exchangedWith: [{ name: cardB.name }],
      deletedThere: [],
    });
  });
});
