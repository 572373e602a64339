import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evidenceDir, evidenceFile } from '../../electron/evidence/evidence-paths';
import { type EventPayload } from '../../shared/contract/events';
import { caseSample } from './support/record-samples';
import { DISPLAY_NAME, startRecordsCore, type RecordsCore } from './support/records-core';
import { errorOf } from './support/test-core';

let running: RecordsCore | null = null;
afterEach(async () => {
  await running?.core.close();
  running = null;
});

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The token of an `evidence.progress` event, else null. */
const progressToken = (name: string, payload: unknown) =>
  name === 'evidence.progress' ? (payload as EventPayload<'evidence.progress'>).token : null;

async function withCaseAndFile(name: string, data: Uint8Array) {
  running = await startRecordsCore();
  const created = await running.op('cases.create', { ...caseSample, aggressions: [], sources: [] });
  const source = join(running.dir, name);
  await writeFile(source, data);
  running.dialogs.open = [source];
  const [chosen] = await running.op('evidence.chooseFiles', {});
  return { ...running, caseId: created.id, chosen: chosen! };
}

describe('evidence on a case', () => {
  it('takes a file in, shows its hash, previews it and saves a checked copy, all in custody', async () => {
    const data = randomBytes(50_000);
    const { op, caseId, chosen, dir, dialogs } = await withCaseAndFile('foto.png', data);
    expect(chosen).toMatchObject({ name: 'foto.png', size: 50_000, mediaType: 'image/png' });
    expect(JSON.stringify(chosen)).not.toContain(dir);

    const item = await op('evidence.intake', {
      caseId,
      token: chosen.token,
      description: 'Amenaza',
    });
    expect(item).toMatchObject({ caseId, sha256: sha(data), size: 50_000, addedBy: DISPLAY_NAME });
    expect(await op('evidence.list', { caseId })).toEqual([item]);
    expect(
      (await errorOf(op('evidence.intake', { caseId, token: chosen.token, description: '' }))).code,
    ).toBe('not_found');

    const preview = await op('evidence.preview', { id: item.id });
    expect(Buffer.from(preview.bytes).equals(data)).toBe(true);

    dialogs.save = join(dir, 'copia.png');
    expect(await op('evidence.saveCopy', { id: item.id, token: randomUUID() })).toEqual({
      saved: true,
      sha256: sha(data),
    });
    expect((await readFile(dialogs.save)).equals(data)).toBe(true);
    // A destination that is gone (a stick pulled out) is said as such, never as damaged
    // evidence, and leaves no entry in the chain of custody.
    dialogs.save = join(dir, 'unplugged', 'copia.png');
    expect(
      (await errorOf(op('evidence.saveCopy', { id: item.id, token: randomUUID() }))).code,
    ).toBe('file_unwritable');
    dialogs.save = null;
    expect(await op('evidence.saveCopy', { id: item.id, token: randomUUID() })).toEqual({
      saved: false,
      sha256: null,
    });

    const custody = await op('evidence.custody', { id: item.id });
    expect(custody.map((c) => [c.action, c.hashOk, c.actor])).toEqual([
      ['intake', true, DISPLAY_NAME],
      ['preview', true, DISPLAY_NAME],
      ['decrypted_copy', true, DISPLAY_NAME],
    ]);
  });

  it('says so when the chosen file went away before it was taken in, and keeps nothing', async () => {
    const { op, caseId, chosen, dir } = await withCaseAndFile('audio.m4a', randomBytes(80_000));
    await rm(join(dir, 'audio.m4a'));
    expect(
      (await errorOf(op('evidence.intake', { caseId, token: chosen.token, description: '' }))).code,
    ).toBe('file_unreadable');
    expect(await op('evidence.list', { caseId })).toEqual([]);
    expect(await readdir(evidenceDir(dir))).toEqual([]);
  });

  it('treats an evidence file gone from the vault folder as damaged, not as a drive problem', async () => {
    const { op, caseId, chosen, dir, dialogs } = await withCaseAndFile(
      'nota.txt',
      randomBytes(9_000),
    );
    const item = await op('evidence.intake', { caseId, token: chosen.token, description: '' });
    const [stored] = await readdir(evidenceDir(dir));
    await rm(evidenceFile(dir, stored!));
    dialogs.save = join(dir, 'copia.txt');
    expect(
      (await errorOf(op('evidence.saveCopy', { id: item.id, token: randomUUID() }))).code,
    ).toBe('evidence_corrupt');
    expect((await readdir(dir)).filter((n) => n.includes('copia'))).toEqual([]);
    const custody = await op('evidence.custody', { id: item.id });
    expect(custody.map((c) => [c.action, c.hashOk])).toEqual([
      ['intake', true],
      ['decrypted_copy', false],
    ]);
  });

  it('refuses a damaged file with a clear error, records the failed check, and writes no copy', async () => {
    const data = randomBytes(150_000);
    const { op, caseId, chosen, dir, dialogs } = await withCaseAndFile('acta.pdf', data);
    const item = await op('evidence.intake', { caseId, token: chosen.token, description: '' });
    const [stored] = await readdir(evidenceDir(dir));
    const file = evidenceFile(dir, stored!);
    const bytes = await readFile(file);
    bytes[70_000] = bytes[70_000]! ^ 0x40;
    await writeFile(file, bytes);

    dialogs.save = join(dir, 'copia.pdf');
    expect(
      (await errorOf(op('evidence.saveCopy', { id: item.id, token: randomUUID() }))).code,
    ).toBe('evidence_corrupt');
    expect((await readdir(dir)).filter((n) => n.includes('copia'))).toEqual([]);
    expect((await errorOf(op('evidence.preview', { id: item.id }))).code).toBe(
      'evidence_not_previewable',
    );
    const custody = await op('evidence.custody', { id: item.id });
    expect(custody.map((c) => [c.action, c.hashOk])).toEqual([
      ['intake', true],
      ['decrypted_copy', false],
    ]);
  });

  it('cancels an intake: no row, no file, and the case is untouched', async () => {
    running = await startRecordsCore();
    const { op, dir } = running;
    const created = await op('cases.create', { ...caseSample, aggressions: [], sources: [] });
    const source = join(dir, 'video.mp4');
    const handle = await open(source, 'w');
    for (let i = 0; i < 24; i++) await handle.write(randomBytes(1024 * 1024));
    await handle.close();
    running.dialogs.open = [source];
    const [chosen] = await op('evidence.chooseFiles', {});
    running.onEvent = (name) => {
      if (name === 'evidence.progress') void op('evidence.cancelIntake', { token: chosen!.token });
    };
    const reply = await errorOf(
      op('evidence.intake', { caseId: created.id, token: chosen!.token, description: '' }),
    );
    expect(reply.code).toBe('cancelled');
    expect(running.events.some((e) => e.name === 'evidence.progress')).toBe(true);
    expect(await op('evidence.list', { caseId: created.id })).toEqual([]);
    expect(await readdir(evidenceDir(dir))).toEqual([]);
  });

  it('shows the progress of a copy and cancels it: no file is left, nothing in custody, and a token is not taken over', async () => {
    const data = randomBytes(24 * 1024 * 1024);
    const { op, caseId, chosen, dir, dialogs } = await withCaseAndFile('video.mp4', data);
    const item = await op('evidence.intake', { caseId, token: chosen.token, description: '' });
    const folder = join(dir, 'stick');
    await mkdir(folder);
    dialogs.save = join(folder, 'video.mp4');
    // A full copy reports its progress under its token.
    const token = randomUUID();
    await op('evidence.saveCopy', { id: item.id, token });
    const progress = running!.events.flatMap((e) =>
      progressToken(e.name, e.payload) === token
        ? [e.payload as EventPayload<'evidence.progress'>]
        : [],
    );
    expect(progress.length).toBeGreaterThan(1);
    // Written, then read back from the drive: both passes report, up to the whole size.
    expect(progress.find((p) => !p.checking)).toMatchObject({ total: data.length });
    expect(progress.at(-1)).toMatchObject({
      done: data.length,
      total: data.length,
      checking: true,
    });
    await rm(dialogs.save);
    // Cancelled at its first progress: nothing left in the folder, and no custody entry.
    const cancelled = randomUUID();
    running!.onEvent = (name, payload) => {
      if (progressToken(name, payload) === cancelled)
        void op('evidence.cancelCopy', { token: cancelled });
    };
    const reply = await errorOf(op('evidence.saveCopy', { id: item.id, token: cancelled }));
    expect(reply.code).toBe('cancelled');
    expect(await readdir(folder)).toEqual([]);
    const custody = await op('evidence.custody', { id: item.id });
    expect(custody.map((c) => c.action)).toEqual(['intake', 'decrypted_copy']);
    // A token already naming a running job is refused, and that job goes on.
    running!.onEvent = (name, payload) => {
      if (progressToken(name, payload) === cancelled) {
        running!.onEvent = () => undefined;
        void errorOf(op('evidence.saveCopy', { id: item.id, token: cancelled })).then((e) =>
          taken.push(e.code),
        );
      }
    };
    const taken: string[] = [];
    expect(await op('evidence.saveCopy', { id: item.id, token: cancelled })).toMatchObject({
      saved: true,
    });
    expect(taken).toEqual(['validation']);
  });

  it('deletes the item with its key and file, and a deleted case takes its evidence along', async () => {
    const { op, caseId, chosen, dir, dialogs, call } = await withCaseAndFile(
      'nota.txt',
      Buffer.from('hola'),
    );
    const item = await op('evidence.intake', { caseId, token: chosen.token, description: '' });
    await op('evidence.delete', { id: item.id });
    expect(await readdir(evidenceDir(dir))).toEqual([]);
    expect((await errorOf(op('evidence.custody', { id: item.id }))).code).toBe('not_found');

    const [again] = (await call('evidence.chooseFiles', {})) as { token: string }[];
    await op('evidence.intake', { caseId, token: again!.token, description: '' });
    expect(await readdir(evidenceDir(dir))).toHaveLength(1);
    await op('cases.delete', { id: caseId });
    expect(await readdir(evidenceDir(dir))).toEqual([]);
    expect(dialogs.open).toHaveLength(1);
  });
});
