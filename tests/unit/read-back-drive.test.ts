import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOfficeKeys } from '../../electron/office/office-keys';
import { type EventPayload } from '../../shared/contract/events';
import { caseSample } from './support/record-samples';
import { startRecordsCore } from './support/records-core';
import { errorOf } from './support/test-core';
import { tempDir } from './support/temp-dir';
import { writtenFile } from './support/written-file';

/**
 * Whether this machine lets a test mount a disk image through a loop device (root, loop
 * devices, ext4): a drive whose bytes the test can change beneath the kernel's cache of the
 * files on it, as a failing or fake-capacity stick does.
 */
function loopMountWorks(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync(
      'sh',
      [
        '-c',
        'd=$(mktemp -d) && truncate -s 8M $d/i && mkfs.ext4 -q -F $d/i && mount -o loop $d/i $d && umount $d && rm -r $d',
      ],
      { stdio: 'ignore' },
    );
    return true;
  } catch {
    return false;
  }
}
const canMount = loopMountWorks();
const MiB = 1024 * 1024;

/**
 * A 64 MiB ext4 image mounted as a folder: a stick. `flipBeneathCache` changes one bit of a
 * file on it in the image itself, where the kernel's cache of the mounted file does not see it
 * — as a failing or fake-capacity stick changes what it acknowledged.
 */
async function mountedImage() {
  const dir = await tempDir();
  const image = join(dir, 'stick.img');
  const folder = join(dir, 'stick');
  await mkdir(folder);
  execFileSync('sh', ['-c', `truncate -s 64M ${image} && mkfs.ext4 -q -F ${image}`]);
  execFileSync('mount', ['-o', 'loop', image, folder]);
  return {
    folder,
    async flipBeneathCache(file: string, at: number) {
      // Where 64 bytes of the file lie in the image, found by their content (random: once).
      const onStick = (await readFile(image)).indexOf((await readFile(file)).subarray(at, at + 64));
      expect(onStick).toBeGreaterThan(0);
      const handle = await open(image, 'r+');
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, onStick);
      byte[0]! ^= 0x01;
      await handle.write(byte, 0, 1, onStick);
      await handle.sync();
      await handle.close();
    },
    /** What is on the stick (ext4's own lost+found aside). */
    files: async () => (await readdir(folder)).filter((name) => name !== 'lost+found'),
    unmount: () => execFileSync('umount', [folder]),
  };
}
if (!canMount) {
  console.log(
    'read-back-drive: the test of a drive that changes its bytes is skipped: this machine does not let a test mount a disk image (it needs root and loop devices)',
  );
}

// Linux only: elsewhere Node has no way past the cache, and the read-back reads through it.
describe.runIf(process.platform === 'linux')('the read-back, from the drive itself', () => {
  it('reads every byte from the disk, not from the copy the kernel keeps of what was written', async () => {
    const keys = await generateOfficeKeys();
    const { written, readBack } = await writtenFile(keys);
    // Bytes this process had the disk deliver (reads served by the page cache do not count):
    // the file was just written, so its pages are all cached.
    const fromDisk = async () =>
      Number(/read_bytes: (\d+)/.exec(await readFile('/proc/self/io', 'utf8'))![1]);
    const before = await fromDisk();
    await readBack({ identity: keys.ageIdentity });
    expect((await fromDisk()) - before).toBeGreaterThanOrEqual(written.size);
  });

  it.runIf(canMount)(
    'finds a byte the drive changed after it was flushed, which the cached copy still hides',
    async () => {
      const stick = await mountedImage();
      try {
        const keys = await generateOfficeKeys();
        const { written, headerLength, readBack } = await writtenFile(keys, stick.folder);
        // The stick changes one bit of chunk 3, beneath the kernel's cache of the mounted file.
        await stick.flipBeneathCache(written.parts[0]!, headerLength + 3 * (64 * 1024 + 16) + 1000);
        // Read through the cache, the file still looks as written: that check would pass.
        await readBack({ identity: keys.ageIdentity }, false);
        // Read from the stick itself, the change is found.
        await expect(readBack({ identity: keys.ageIdentity })).rejects.toMatchObject({
          code: 'export_not_verified',
        });
      } finally {
        stick.unmount();
      }
    },
  );

  it.runIf(canMount)(
    'finds a byte of a saved copy of evidence that the drive changed: no file is left, nothing in custody',
    async () => {
      const stick = await mountedImage();
      try {
        // The copy pauses after each 4 MiB it reads back, so the stick can change meanwhile.
        const running = await startRecordsCore(undefined, { evidence: { copyPauseMs: 300 } });
        const { op, dir, dialogs } = running;
        const created = await op('cases.create', { ...caseSample, aggressions: [], sources: [] });
        const source = join(dir, 'video.mp4');
        await writeFile(source, randomBytes(24 * MiB));
        dialogs.open = [source];
        const [chosen] = await op('evidence.chooseFiles', {});
        const item = await op('evidence.intake', {
          caseId: created.id,
          token: chosen!.token,
          description: '',
        });
        dialogs.save = join(stick.folder, 'video.mp4');
        let changed: Promise<void> | null = null;
        running.onEvent = (name, payload) => {
          const { checking } = payload as EventPayload<'evidence.progress'>;
          if (name !== 'evidence.progress' || !checking || changed) return;
          // Read back as far as its first 4 MiB: the stick changes a bit further on.
          changed = (async () => {
            const [copy] = await stick.files();
            await stick.flipBeneathCache(join(stick.folder, copy!), 20 * MiB);
          })();
        };
        const reply = await errorOf(op('evidence.saveCopy', { id: item.id, token: randomUUID() }));
        await changed;
        expect(changed).not.toBeNull();
        expect(reply.code).toBe('export_not_verified');
        expect(await stick.files()).toEqual([]);
        const custody = await op('evidence.custody', { id: item.id });
        expect(custody.map((c) => c.action)).toEqual(['intake']);
        await running.core.close();
      } finally {
        stick.unmount();
      }
    },
  );
});
