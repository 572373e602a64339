import { AppFailure } from '../../shared/errors';
import { chachaOpen } from '../crypto/chacha20-poly1305';
import { hkdfSha256 } from '../crypto/hkdf';
import { unwrapScryptHeader } from './age-scrypt';
import { unwrapX25519Header } from './age-x25519';

export type AgeKey = { identity: string } | { passphrase: string };

const VERSION_LINE = Buffer.from('age-encryption.org/v1\n');
/** The longest header accepted (typage's limit too): a few stanzas fit in far less. */
export const HEADER_MAX = 64 * 1024;
const CHUNK = 64 * 1024;
const SEALED = CHUNK + 16;

/** Find the header's end ("--- <mac>\n"); `null` while more bytes are needed. */
function headerLength(bytes: Buffer): number | null {
  const mac = bytes.indexOf('\n--- ');
  if (mac < 0) return null;
  const end = bytes.indexOf('\n', mac + 1);
  return end < 0 ? null : end + 1;
}

async function unwrapFileKey(header: Buffer, key: AgeKey): Promise<Uint8Array> {
  if ('passphrase' in key) return unwrapScryptHeader(header, key.passphrase);
  return unwrapX25519Header(header, key.identity);
}

function openChunk(key: Buffer, counter: bigint, sealed: Buffer, last: boolean): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(counter & 0xffffffffffffffffn, 3);
  if (last) iv[11] = 1;
  const plain = chachaOpen(key, iv, sealed);
  if (!plain) throw new AppFailure('exchange_corrupt');
  return plain;
}

/**
 * Open an age header at the start of `head`: the payload key and where the payload starts, or
 * null while more bytes are needed. Throws `exchange_not_ours` for anything that is not an age
 * file, `exchange_wrong_key` when no stanza opens with `key`.
 */
export async function openHeader(
  head: Buffer,
  key: AgeKey,
): Promise<{ payloadKey: Buffer; payloadStart: number } | null> {
  if (
    head.length >= VERSION_LINE.length &&
    !head.subarray(0, VERSION_LINE.length).equals(VERSION_LINE)
  ) {
    throw new AppFailure('exchange_not_ours');
  }
  const length = headerLength(head.subarray(0, HEADER_MAX));
  if (length === null) {
    if (head.length > HEADER_MAX) throw new AppFailure('exchange_not_ours');
    return null;
  }
  if (head.length < length + 16) return null;
  const fileKey = await unwrapFileKey(head.subarray(0, length), key);
  const nonce = head.subarray(length, length + 16);
  const payloadKey = hkdfSha256(fileKey, nonce, 'payload', 32);
  fileKey.fill(0);
  return { payloadKey, payloadStart: length + 16 };
}

/** Too short to hold even the version line: not an age file; else a damaged one. */
export function shortFileFailure(length: number): AppFailure {
  return new AppFailure(length < VERSION_LINE.length ? 'exchange_not_ours' : 'exchange_corrupt');
}

/**
 * Decrypt an age file chunk by chunk with native ChaCha20-Poly1305, on the calling thread (for
 * small files: dossiers; exports are read by import-reader.ts's threads). Each chunk is
 * authentic when it is yielded, but the file as a whole is only known complete when this
 * generator returns: callers must not act on anything before that.
 */
export async function* decryptAge(
  source: AsyncIterable<Buffer>,
  key: AgeKey,
): AsyncGenerator<Buffer> {
  let buffer: Buffer = Buffer.alloc(0);
  let payloadKey: Buffer | null = null;
  let counter = 0n;
  for await (const chunk of source) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    if (!payloadKey) {
      const opened = await openHeader(buffer, key);
      if (!opened) continue;
      payloadKey = opened.payloadKey;
      buffer = buffer.subarray(opened.payloadStart);
    }
    // Strictly more than one sealed chunk left: this one cannot be the last.
    while (buffer.length > SEALED) {
      yield openChunk(payloadKey, counter++, buffer.subarray(0, SEALED), false);
      buffer = buffer.subarray(SEALED);
    }
  }
  if (!payloadKey) throw shortFileFailure(buffer.length);
  // An empty last chunk is only valid for an empty file; anything shorter than a tag is cut.
  if (buffer.length < 16 || (buffer.length === 16 && counter > 0n)) {
    throw new AppFailure('exchange_corrupt');
  }
  yield openChunk(payloadKey, counter, buffer, true);
  payloadKey.fill(0);
}
