import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { open, seal } from './aead';
import { deriveKey, KEY_LENGTH, type KdfParams } from './kdf';
import { type Slot, type SlotKind } from './vault-file';

const SALT_LENGTH = 16;

/**
 * Binds a slot to its vault, its kind and its KDF cost: editing any of them in the file makes
 * the unwrap fail instead of quietly weakening the slot.
 */
function associatedData(vaultId: string, kind: SlotKind, kdf: KdfParams): Buffer {
  return Buffer.from(`resguardo-vault-slot/v1/${vaultId}/${kind}/${JSON.stringify(kdf)}`, 'utf8');
}

export async function wrapDatabaseKey(
  vaultId: string,
  kind: SlotKind,
  secret: string,
  databaseKey: Buffer,
  kdf: KdfParams,
): Promise<Slot> {
  const salt = randomBytes(SALT_LENGTH);
  const wrappingKey = await deriveKey(secret, salt, kdf);
  try {
    const sealed = seal(wrappingKey, databaseKey, associatedData(vaultId, kind, kdf));
    return {
      kdf,
      salt: salt.toString('base64'),
      nonce: sealed.nonce.toString('base64'),
      wrappedKey: sealed.ciphertext.toString('base64'),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/** Returns the database key, or throws `wrong_secret`. */
export async function unwrapDatabaseKey(
  vaultId: string,
  kind: SlotKind,
  secret: string,
  slot: Slot,
): Promise<Buffer> {
  const wrappingKey = await deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    const key = open(
      wrappingKey,
      {
        nonce: Buffer.from(slot.nonce, 'base64'),
        ciphertext: Buffer.from(slot.wrappedKey, 'base64'),
      },
      associatedData(vaultId, kind, slot.kdf),
    );
    if (key === null) throw new AppFailure('wrong_secret');
    if (key.length !== KEY_LENGTH) throw new AppFailure('vault_corrupt');
    return key;
  } finally {
    wrappingKey.fill(0);
  }
}
