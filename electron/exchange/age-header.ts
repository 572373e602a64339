import { createHmac, randomBytes, scrypt } from 'node:crypto';
import { chachaSeal } from '../crypto/chacha20-poly1305';
import { hkdfSha256 } from '../crypto/hkdf';
import { x25519KeyPair, x25519Shared } from '../crypto/x25519';
import { bech32Decode } from './bech32';

/**
 * Writes the header of an age v1 file (age-encryption.org/v1) with native crypto (libsodium's
 * X25519 and ChaCha20-Poly1305, Node's scrypt and HMAC), so the payload can be encrypted
 * natively too: typage is pure JavaScript, ~4× slower than the CLI.
 * Headers are read natively too (age-stanzas.ts, age-x25519.ts, age-scrypt.ts).
 */
export type AgeTarget = { recipients: readonly string[] } | { passphrase: string };

const VERSION_LINE = 'age-encryption.org/v1';
/** age's default scrypt work factor; typage refuses more than 20 on decryption. */
export const SCRYPT_LOG_N = 18;

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

/** Stanza bodies are wrapped at 64 columns; a body whose last line is full gets an empty line. */
function stanza(args: string[], body: Uint8Array): string {
  const text = b64(body);
  const lines: string[] = [];
  for (let i = 0; i <= text.length; i += 64) lines.push(text.slice(i, i + 64));
  return `-> ${args.join(' ')}\n${lines.join('\n')}\n`;
}

function wrapFileKey(key: Uint8Array, fileKey: Uint8Array): Buffer {
  return chachaSeal(key, Buffer.alloc(12), fileKey);
}

function x25519Stanza(recipient: string, fileKey: Uint8Array): string {
  const { prefix, bytes: theirs } = bech32Decode(recipient);
  if (prefix !== 'age' || theirs.length !== 32) throw new Error('not an X25519 recipient');
  const ephemeral = x25519KeyPair();
  const shared = x25519Shared(ephemeral.secret, theirs);
  ephemeral.secret.fill(0);
  if (!shared) throw new Error('low-order recipient');
  const ours = ephemeral.publicKey;
  const salt = Buffer.concat([ours, theirs]);
  const wrapKey = hkdfSha256(shared, salt, 'age-encryption.org/v1/X25519', 32);
  shared.fill(0);
  const wrapped = wrapFileKey(wrapKey, fileKey);
  wrapKey.fill(0);
  return stanza(['X25519', b64(ours)], wrapped);
}

async function scryptStanza(passphrase: string, fileKey: Uint8Array): Promise<string> {
  const salt = randomBytes(16);
  const label = Buffer.concat([Buffer.from('age-encryption.org/v1/scrypt'), salt]);
  const N = 2 ** SCRYPT_LOG_N;
  // Node's async scrypt runs on the thread pool: the main thread stays free meanwhile.
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase, label, 32, { N, r: 8, p: 1, maxmem: 300 * 1024 * 1024 }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
  const wrapped = wrapFileKey(key, fileKey);
  key.fill(0);
  return stanza(['scrypt', b64(salt), String(SCRYPT_LOG_N)], wrapped);
}

/** The full header (MAC included) for a fresh random file key. */
export async function buildHeader(target: AgeTarget): Promise<{ header: Buffer; fileKey: Buffer }> {
  const fileKey = randomBytes(16);
  const stanzas =
    'passphrase' in target
      ? [await scryptStanza(target.passphrase, fileKey)]
      : target.recipients.map((r) => x25519Stanza(r, fileKey));
  if (stanzas.length === 0) throw new Error('no recipient');
  const withoutMac = `${VERSION_LINE}\n${stanzas.join('')}---`;
  const macKey = hkdfSha256(fileKey, Buffer.alloc(0), 'header', 32);
  const mac = createHmac('sha256', macKey).update(withoutMac).digest();
  macKey.fill(0);
  return { header: Buffer.from(`${withoutMac} ${b64(mac)}\n`), fileKey };
}
