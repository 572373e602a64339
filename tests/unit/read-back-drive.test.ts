import { execFileSync } from 'node:child_process';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOfficeKeys } from '../../electron/office/office-keys';
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
      const dir = await tempDir();
      const image = join(dir, 'stick.img');
      const mounted = join(dir, 'stick');
      await mkdir(mounted);
      execFileSync('sh', ['-c', `truncate -s 64M ${image} && mkfs.ext4 -q -F ${image}`]);
      execFileSync('mount', ['-o', 'loop', image, mounted]);
      try {
        const keys = await generateOfficeKeys();
        const { written, headerLength, readBack } = await writtenFile(keys, mounted);
        // Where 64 bytes of chunk 3 lie on the stick, found by their content (ciphertext is
        // random, so they occur once).
        const part = await readFile(written.parts[0]!);
        const at = headerLength + 3 * (64 * 1024 + 16) + 1000;
        const onStick = (await readFile(image)).indexOf(part.subarray(at, at + 64));
        expect(onStick).toBeGreaterThan(0);
        // The stick changes one bit there, beneath the kernel's cache of the mounted file.
        const stick = await open(image, 'r+');
        const byte = Buffer.alloc(1);
        await stick.read(byte, 0, 1, onStick);
        byte[0]! ^= 0x01;
        await stick.write(byte, 0, 1, onStick);
        await stick.sync();
        await stick.close();
        // Read through the cache, the file still looks as written: that check would pass.
        await readBack({ identity: keys.ageIdentity }, false);
        // Read from the stick itself, the change is found.
        await expect(readBack({ identity: keys.ageIdentity })).rejects.toMatchObject({
          code: 'export_not_verified',
        });
      } finally {
        execFileSync('umount', [mounted]);
      }
    },
  );
});
