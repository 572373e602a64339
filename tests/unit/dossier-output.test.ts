import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Input } from '../../shared/contract';
import { saveEncrypted } from '../../electron/dossiers/dossier-output';
import { type SyncPart } from '../../electron/exchange/part-flusher';
import { consentFor, dossierCase, REQUEST } from './support/dossier-fixture';
import { codeOf, partneredOffices, startOffice } from './support/exchange-core';
import { pdfPages, sha256Of } from './support/pdf-text';
import { startRecordsCore } from './support/records-core';
import { tempDir } from './support/temp-dir';

function request(caseId: string, to: Input<'dossiers.generate'>['to']): Input<'dossiers.generate'> {
  return {
    subject: { caseId },
    template: 'protection_mechanism',
    language: 'es',
    redaction: { pseudonymize: [], includeContacts: false, includeExactPlaces: false },
    request: REQUEST,
    to,
  };
}

describe('where a dossier goes', () => {
  it('is an age file under a passphrase that the age tool opens, its hash in the audit log', async () => {
    const running = await startRecordsCore();
    const { rosa, son, caseId } = await dossierCase(running);
    for (const id of [rosa.id, son.id])
      await running.op('consents.add', consentFor(id, 'protection_mechanism'));
    const path = join(running.dir, 'expediente.pdf.age');
    running.dialogs.save = path;
    const passphrase = 'siete garzas cruzan el río de noche';
    const result = await running.op('dossiers.generate', request(caseId, { passphrase }));
    expect(result).toMatchObject({ encrypted: true, sha256: await sha256Of(path) });
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
    // age reads passphrases only from a terminal: `script` gives it one.
    const out = join(running.dir, 'opened.pdf');
    execFileSync('sh', [
      '-c',
      `(sleep 1; printf '%s\\n' '${passphrase}') | script -qec "age -d -o ${out} ${path}" /dev/null`,
    ]);
    expect(pdfPages(out).join(' ')).toContain('MPDDHP/2026/311');
    const history = await running.op('audit.history', { entityId: caseId });
    const entry = history.find((e) => e.entity === 'dossier');
    expect(entry?.changes).toMatchObject({
      to: 'passphrase',
      sha256: result?.sha256,
      pdfSha256: await sha256Of(out),
      template: 'protection_mechanism',
    });
    // The audit entry holds codes and hashes, never the dossier's words.
    expect(JSON.stringify(entry)).not.toContain('Rosa');
    await running.core.close();
  });

  it('is encrypted to a verified partner and to this office, never to an unverified one', async () => {
    const { a, cardB } = await partneredOffices();
    const created = await a.op('cases.create', {
      title: 'Caso',
      status: 'open',
      urgency: 'high',
      rightsAtStake: [],
      tags: [],
      confidentiality: 'internal',
      aggressions: [],
      sources: [],
    });
    const folder = await tempDir();
    a.choose.save = join(folder, 'to-partner.pdf.age');
    const sent = await a.op(
      'dossiers.generate',
      request(created.id, { partners: [cardB.fingerprint] }),
    );
    expect(sent?.encrypted).toBe(true);
    const header = (await readFile(a.choose.save)).subarray(0, 600).toString('latin1');
    expect(header.match(/^-> X25519 /gm)).toHaveLength(2);
    const c = await startOffice('Oficina San Salvador');
    const unverified = await a.op('partners.importCard', {
      text: (await c.op('office.card', {})).text,
    });
    const refused = a.op(
      'dossiers.generate',
      request(created.id, { partners: [unverified!.fingerprint] }),
    );
    expect(await codeOf(refused)).toBe('exchange_unverified_sender');
  });
  it('is read back before it takes the chosen name: a byte the drive changed leaves no file and says so', async () => {
    const folder = await tempDir();
    const path = join(folder, 'expediente.pdf.age');
    // Past the first 32 MiB stretch, flushed while the rest is written (the drive's chance).
    const pdf = randomBytes(40 * 1024 * 1024);
    const passphrase = { passphrase: 'siete garzas cruzan el río de noche' };
    // A drive that keeps one wrong byte of the first stretch it was given to flush.
    const garbling: SyncPart = async (handle) => {
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, 150_000);
      byte[0]! ^= 0x01;
      await handle.write(byte, 0, 1, 150_000);
      await handle.datasync();
    };
    const failure = saveEncrypted(pdf, path, passphrase, passphrase, garbling);
    await expect(failure).rejects.toMatchObject({ code: 'export_not_verified' });
    expect(await readdir(folder)).toEqual([]);
    // The same with a drive that keeps what it is given: the file is there, and it is the PDF.
    const saved = await saveEncrypted(pdf, path, passphrase, passphrase);
    expect(await readdir(folder)).toEqual(['expediente.pdf.age']);
    expect(saved).toMatchObject({ encrypted: true, sha256: await sha256Of(path) });
  });
});
