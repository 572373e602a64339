import { createCipheriv, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DISCARDER_JS } from '../../electron/files/discarder-source';

interface Discarder {
  add(view: Uint8Array): void;
  flush(): void;
}

/** The discarder, as the worker threads evaluate it. */
const discarder = new Function('require', `${DISCARDER_JS}\nreturn discarder;`)(
  createRequire(__filename),
) as () => Discarder;

describe("freeing the exchange threads' used buffers at once", () => {
  it('lets go of cipher outputs, and never of shared memory or pooled small buffers', () => {
    const used = discarder();
    const cipher = createCipheriv('chacha20-poly1305', randomBytes(32), randomBytes(12));
    const output = cipher.update(randomBytes(64 * 1024));
    const pooled = Buffer.from('sigue en uso');
    const shared = Buffer.from(new SharedArrayBuffer(1024));
    const slice = Buffer.from(new ArrayBuffer(4096), 1024, 1024);
    for (const view of [output, pooled, shared, slice]) used.add(view);
    used.flush();
    // Freed: its memory is gone from this thread.
    expect(output.buffer.byteLength).toBe(0);
    expect(output.length).toBe(0);
    // Still in use elsewhere (the ring, Node's pool, the rest of a bigger buffer): untouched.
    expect(pooled.toString()).toBe('sigue en uso');
    expect(shared.length).toBe(1024);
    expect(slice.buffer.byteLength).toBe(4096);
  });

  it('lets go 32 at a time without being asked, never the one just handed over', () => {
    const used = discarder();
    const buffers = Array.from({ length: 33 }, () => Buffer.from(new ArrayBuffer(8)));
    for (const buffer of buffers) {
      used.add(buffer);
      // Its length may still be read right after (what the feed thread reports and acknowledges).
      expect(buffer.length).toBe(8);
    }
    expect(buffers.slice(0, 32).every((b) => b.buffer.byteLength === 0)).toBe(true);
    expect(buffers[32]!.buffer.byteLength).toBe(8);
  });
});
