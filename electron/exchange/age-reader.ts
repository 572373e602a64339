import { AppFailure } from '../../shared/errors';
import { hkdfSha256 } from '../crypto/hkdf';
import { unwrapScryptHeader } from './age-scrypt';
import { unwrapX25519Header } from './age-x25519';

export type AgeKey = { identity: string } | { passphrase: string };

const VERSION_LINE = Buffer.from('age-encryption.org/v1\n');
/** The longest header accepted (typage's limit too): a few stanzas fit in far less. */
export const HEADER_MAX = 64 * 1024;

/** Find the header's end ("--- <mac>\n"); `null` while more bytes are needed. */
export function headerLength(bytes: Buffer): number | null {
  const mac = bytes.indexOf('\n--- ');
  if (mac < 0) return null;
  const end = bytes.indexOf('\n', mac + 1);
  return end < 0 ? null : end + 1;
}

async function unwrapFileKey(header: Buffer, key: AgeKey): Promise<Uint8Array> {
  if ('passphrase' in key) return unwrapScryptHeader(header, key.passphrase);
  return unwrapX25519Header(header, key.identity);
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
