import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Evidence from an import waits here, between the verifying pass and the apply: encrypted under
 * a random key that exists only in memory (AES-256-GCM), so a crash or a seized laptop leaves
 * noise in the temporary folder, never a readable file.
 */
export interface Spooled {
  path: string;
  size: number;
  key: Buffer;
  iv: Buffer;
  tag: Buffer;
}

export async function createSpoolWriter(dir: string) {
  const path = join(dir, randomBytes(16).toString('hex'));
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const handle = await open(path, 'wx', 0o600);
  let size = 0;
  return {
    async write(bytes: Uint8Array) {
      size += bytes.length;
      await handle.write(cipher.update(bytes));
    },
    async finish(): Promise<Spooled> {
      await handle.write(cipher.final());
      await handle.close();
      return { path, size, key, iv, tag: cipher.getAuthTag() };
    },
    async discard() {
      await handle.close().catch(() => undefined);
      await rm(path, { force: true });
    },
  };
}

/** The plaintext back; the stream fails at the end if the file was altered meanwhile. */
export async function* readSpooled(spooled: Spooled): AsyncGenerator<Buffer> {
  const decipher = createDecipheriv('aes-256-gcm', spooled.key, spooled.iv);
  decipher.setAuthTag(spooled.tag);
  for await (const chunk of createReadStream(spooled.path, { highWaterMark: 1024 * 1024 })) {
    yield decipher.update(chunk as Buffer);
  }
  yield decipher.final();
}

export async function discardSpooled(spooled: Iterable<Spooled>): Promise<void> {
  for (const one of spooled) {
    one.key.fill(0);
    await rm(one.path, { force: true });
  }
}
