import { createHmac, timingSafeEqual } from 'node:crypto';
import { chachaOpen } from '../crypto/chacha20-poly1305';
import { hkdfSha256 } from '../crypto/hkdf';
import { AppFailure } from '../../shared/errors';

/**
 * A strict parser of age v1 headers (age-encryption.org/v1, "Header"), for the native unwraps
 * (age-scrypt.ts, age-x25519.ts). Anything the spec does not allow is refused as damaged:
 * arguments outside visible ASCII, stanza bodies not wrapped at exactly 64 columns,
 * non-canonical base64, text after the MAC line.
 */
export interface AgeStanza {
  type: string;
  args: string[];
  body: Buffer;
}

export interface ParsedHeader {
  stanzas: AgeStanza[];
  /** The bytes the MAC covers: the header up to and including "---". */
  macInput: Buffer;
  mac: Buffer;
}

const VERSION_LINE = 'age-encryption.org/v1';
const COLUMNS = 64;
const ARGUMENT = /^[\x21-\x7e]+$/;
const BASE64 = /^[A-Za-z0-9+/]*$/;

const damaged = () => new AppFailure('exchange_corrupt');

/** Standard base64 without padding, and only its one canonical spelling. */
export function decodeCanonical(text: string): Buffer {
  if (!BASE64.test(text) || text.length % 4 === 1) throw damaged();
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== text) throw damaged();
  return bytes;
}

/** `header`: from the version line to the newline after the MAC, nothing more. */
export function parseAgeHeader(header: Buffer): ParsedHeader {
  const text = header.toString('latin1');
  if (!text.endsWith('\n')) throw damaged();
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== VERSION_LINE) throw damaged();
  const stanzas: AgeStanza[] = [];
  let index = 1;
  while (lines[index]?.startsWith('-> ')) {
    const [type, ...args] = lines[index]!.slice(3).split(' ');
    if (type === undefined || ![type, ...args].every((arg) => ARGUMENT.test(arg))) {
      throw damaged();
    }
    index += 1;
    // The body: full lines of 64 columns, ended by the first shorter one (maybe empty).
    const body: string[] = [];
    for (;;) {
      const line = lines[index++];
      if (line === undefined || line.length > COLUMNS) throw damaged();
      body.push(line);
      if (line.length < COLUMNS) break;
    }
    stanzas.push({ type, args, body: decodeCanonical(body.join('')) });
  }
  const macLine = lines[index];
  if (stanzas.length === 0 || !macLine?.startsWith('--- ') || index !== lines.length - 1) {
    throw damaged();
  }
  const mac = decodeCanonical(macLine.slice(4));
  if (mac.length !== 32) throw damaged();
  const macEnd = text.length - 1 - macLine.length + 3;
  return { stanzas, macInput: header.subarray(0, macEnd), mac };
}

/** Throws `exchange_corrupt` unless the header's MAC is the one `fileKey` gives. */
export function checkHeaderMac(parsed: ParsedHeader, fileKey: Uint8Array): void {
  const macKey = hkdfSha256(fileKey, Buffer.alloc(0), 'header', 32);
  const expected = createHmac('sha256', macKey).update(parsed.macInput).digest();
  macKey.fill(0);
  if (!timingSafeEqual(parsed.mac, expected)) throw damaged();
}

/** A stanza body sealed with ChaCha20-Poly1305 under a zero nonce, or null when it fails. */
export function openStanzaBody(key: Uint8Array, sealed: Buffer): Buffer | null {
  return chachaOpen(key, Buffer.alloc(12), sealed);
}
