import { createHmac } from 'node:crypto';

/**
 * HKDF-SHA-256 (RFC 5869) on HMAC. Not node:crypto's hkdfSync: Electron's Node has failed it
 * on BoringSSL ("Deriving bits failed", electron/electron#31634), and HMAC-SHA-256 is in every
 * build. The keys derived here are what the age format asks for (at most a few blocks).
 */
export function hkdfSha256(
  secret: Uint8Array,
  salt: Uint8Array,
  info: string | Uint8Array,
  length: number,
): Buffer {
  if (length > 255 * 32) throw new Error('HKDF output too long');
  // An empty salt stands for 32 zero bytes (RFC 5869, 2.2); HMAC pads it so either way.
  const prk = createHmac('sha256', salt).update(secret).digest();
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (let counter = 1; blocks.length * 32 < length; counter++) {
    previous = createHmac('sha256', prk)
      .update(previous)
      .update(info)
      .update(Buffer.from([counter]))
      .digest();
    blocks.push(previous);
  }
  prk.fill(0);
  const okm = Buffer.concat(blocks);
  // The blocks are the output itself: only the copy the caller gets (and must zero) stays.
  for (const block of blocks) block.fill(0);
  return okm.subarray(0, length);
}
