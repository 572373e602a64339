import { execFileSync } from 'node:child_process';
import { mkdir, rename, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegularFile } from '../../electron/files/regular-file';
import { caseWithEvidence, exportFile } from './support/exchange-cases';
import { codeOf, partneredOffices } from './support/exchange-core';
import { tempDir } from './support/temp-dir';

const STICK = { id: 'e'.repeat(16), label: 'USB', size: 1e9, free: 1e9 };
const isRoot = process.getuid?.() === 0;

/** A refusal must come at once: a FIFO used to block the reader until someone wrote to it. */
function soon<T>(promise: Promise<T>, ms = 4_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);
}

/**
 * A stick holding a real export (a regular file) beside entries under export names that are
 * not regular files: a FIFO, a folder, links (to the real export and to /dev/null) and, as
 * root, a character device.
 */
async function stickWithOddEntries() {
  const { a, b, cardB } = await partneredOffices();
  const sent = await caseWithEvidence(a, 'Amenazas', 100_000);
  const { file } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
  const stick = await tempDir();
  const elsewhere = await tempDir();
  const real = basename(file);
  await rename(file, join(stick, real));
  const { file: second } = await exportFile(a, cardB.fingerprint, [sent.caseId]);
  await rename(second, join(elsewhere, 'real.age'));
  const odd: Record<string, string> = {
    fifo: 'rg-0000abcd.age',
    folder: 'rg-0000abce.age',
    linkToExport: 'rg-0000abcf.age',
    linkToDevice: 'rg-0000abd0.age',
  };
  execFileSync('mkfifo', [join(stick, odd.fifo!)]);
  await mkdir(join(stick, odd.folder!));
  await symlink(join(elsewhere, 'real.age'), join(stick, odd.linkToExport!));
  await symlink('/dev/null', join(stick, odd.linkToDevice!));
  if (isRoot) {
    odd['device'] = 'rg-0000abd1.age';
    execFileSync('mknod', [join(stick, odd['device']), 'c', '1', '3']);
  }
  b.choose.drives = [{ ...STICK, mountPoint: stick }];
  return { b, stick, real, odd };
}

describe('drive entries that are not regular files', () => {
  it('are listed as not files, never opened; the real export beside them is described', async () => {
    const { b, real, odd } = await stickWithOddEntries();
    const files = await soon(b.op('drives.files', { drive: STICK.id }));
    expect(new Map(files.map((f) => [f.name, f.state]))).toEqual(
      new Map([
        [real, 'for_this_office'],
        ...Object.values(odd).map((name) => [name, 'not_a_file'] as const),
      ]),
    );
  });

  it('are refused at once when chosen on the stick, the real export still reads', async () => {
    const { b, real, odd } = await stickWithOddEntries();
    if (!isRoot) console.log('not root: the character device (mknod) is not tried');
    for (const name of Object.values(odd)) {
      const code = await soon(
        codeOf(b.op('exchange.preview', { fromDrive: { drive: STICK.id, name } })),
      );
      expect({ name, code }).toEqual({ name, code: 'exchange_not_a_file' });
    }
    const preview = await soon(
      b.op('exchange.preview', { fromDrive: { drive: STICK.id, name: real } }),
      20_000,
    );
    expect(preview!.counts.new).toBeGreaterThan(0);
  });

  it('are refused at once when chosen in the file dialog', async () => {
    const { b, stick, odd } = await stickWithOddEntries();
    for (const name of Object.values(odd)) {
      b.choose.file = join(stick, name);
      const code = await soon(codeOf(b.op('exchange.preview', {})));
      expect({ name, code }).toEqual({ name, code: 'exchange_not_a_file' });
    }
  });

  it('are told apart on the opened descriptor, a regular file opens', async () => {
    const { stick, real, odd } = await stickWithOddEntries();
    for (const name of Object.values(odd)) {
      const code = await soon(codeOf(openRegularFile(join(stick, name))));
      expect({ name, code }).toEqual({ name, code: 'exchange_not_a_file' });
    }
    const handle = await openRegularFile(join(stick, real));
    expect((await handle.stat()).size).toBeGreaterThan(100_000);
    await handle.close();
  });

  it('a card chosen in the dialog that is a FIFO, folder or device is refused at once as no card', async () => {
    const { b, stick, odd } = await stickWithOddEntries();
    for (const name of Object.values(odd)) {
      b.choose.file = join(stick, name);
      const code = await soon(codeOf(b.op('partners.importCard', {})));
      expect({ name, code }).toEqual({ name, code: 'partner_card_invalid' });
    }
  });
});
