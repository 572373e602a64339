import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { type Queryable } from '../database/sqlite';
import { generateAgeIdentity } from '../exchange/age-identity';

/** This office's secrets. Lives in the encrypted database; never leaves it except in memory. */
export interface OfficeKeys {
  ageIdentity: string;
  ageRecipient: string;
  signingPrivate: Buffer;
  /** Raw 32-byte Ed25519 public key, base64. */
  signingPublic: string;
}

/**
 * Fresh keys for a new office: an age X25519 identity (readable with the standard tool, see
 * age-identity.ts) and an Ed25519 signing key.
 */
export async function generateOfficeKeys(): Promise<OfficeKeys> {
  const { identity, recipient } = generateAgeIdentity();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    ageIdentity: identity,
    ageRecipient: recipient,
    signingPrivate: privateKey.export({ format: 'der', type: 'pkcs8' }),
    signingPublic: rawPublicKey(publicKey.export({ format: 'jwk' }).x),
  };
}

function rawPublicKey(jwkX: string | undefined): string {
  if (!jwkX) throw new Error('no Ed25519 public key');
  return Buffer.from(jwkX, 'base64url').toString('base64');
}

/** Create the office keys once; called in the vault creation transaction and lazily after. */
export async function ensureOfficeKeys(tx: Queryable, at = new Date()): Promise<OfficeKeys> {
  const existing = await readOfficeKeys(tx);
  if (existing) return existing;
  const keys = await generateOfficeKeys();
  await tx.run(
    `INSERT INTO office_keys (id, age_identity, age_recipient, signing_private, signing_public, created_at)
     VALUES (1, ?, ?, ?, ?, ?)`,
    [
      keys.ageIdentity,
      keys.ageRecipient,
      keys.signingPrivate,
      keys.signingPublic,
      at.toISOString(),
    ],
  );
  return keys;
}

export async function readOfficeKeys(db: Queryable): Promise<OfficeKeys | null> {
  const row = await db.get('SELECT * FROM office_keys WHERE id = 1');
  if (!row) return null;
  return {
    ageIdentity: String(row['age_identity']),
    ageRecipient: String(row['age_recipient']),
    signingPrivate: Buffer.from(row['signing_private'] as Buffer),
    signingPublic: String(row['signing_public']),
  };
}

export function signBytes(keys: OfficeKeys, bytes: Uint8Array): Buffer {
  const key = createPrivateKey({ key: keys.signingPrivate, format: 'der', type: 'pkcs8' });
  return sign(null, bytes, key);
}

/** False (never a throw) for a malformed key or signature: the caller refuses either way. */
export function verifySignature(
  signingPublic: string,
  bytes: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const raw = Buffer.from(signingPublic, 'base64');
    if (raw.length !== 32 || signature.length !== 64) return false;
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
    return verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}
