import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { open, seal } from './aead';
import { deriveKey, KEY_LENGTH, type KdfParams } from './kdf';
import { legacySlotBinding, SLOT_BINDING_VERSION, slotBinding } from './slot-binding';
import { type Slot, type SlotKind } from './vault-file';

const SALT_LENGTH = 16;

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
    return sealSlot(wrappingKey, salt, vaultId, kind, databaseKey, kdf);
  } finally {
    wrappingKey.fill(0);
  }
}

function sealSlot(
  wrappingKey: Buffer,
  salt: Buffer,
  vaultId: string,
  kind: SlotKind,
  databaseKey: Buffer,
  kdf: KdfParams,
): Slot {
  const sealed = seal(wrappingKey, databaseKey, slotBinding(vaultId, kind, kdf));
  return {
    kdf,
    salt: salt.toString('base64'),
    nonce: sealed.nonce.toString('base64'),
    wrappedKey: sealed.ciphertext.toString('base64'),
    binding: SLOT_BINDING_VERSION,
  };
}

export interface UnwrappedSlot {
  databaseKey: Buffer;
  /** The same slot under the current binding when it was opened under an older one, else null. */
  upgraded: Slot | null;
}

/** Returns the database key, or throws `wrong_secret`. */
export async function unwrapDatabaseKey(
  vaultId: string,
  kind: SlotKind,
  secret: string,
  slot: Slot,
): Promise<UnwrappedSlot> {
  const salt = Buffer.from(slot.salt, 'base64');
  const wrappingKey = await deriveKey(secret, salt, slot.kdf);
  try {
    const legacy = slot.binding === undefined;
    const key = open(
      wrappingKey,
      {
        nonce: Buffer.from(slot.nonce, 'base64'),
        ciphertext: Buffer.from(slot.wrappedKey, 'base64'),
      },
      legacy ? legacySlotBinding(vaultId, kind, slot.kdf) : slotBinding(vaultId, kind, slot.kdf),
    );
    if (key === null) throw new AppFailure('wrong_secret');
    if (key.length !== KEY_LENGTH) {
      key.fill(0);
      throw new AppFailure('vault_corrupt');
    }
    // Same wrapping key and salt (no second Argon2 run, so the user notices nothing), a fresh
    // random nonce: a second message under this key with a random 96-bit nonce is safe.
    const upgraded = legacy ? sealSlot(wrappingKey, salt, vaultId, kind, key, slot.kdf) : null;
    return { databaseKey: key, upgraded };
  } finally {
    wrappingKey.fill(0);
  }
}
