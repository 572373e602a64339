import { type KdfParams } from './kdf';
import { type SlotKind } from './vault-file';

/**
 * What a key slot's AEAD binds besides the key: its vault, its kind and its KDF cost, so that
 * editing any of them in the file makes the unwrap fail instead of quietly weakening the slot.
 *
 * Version 2 (slots marked `"binding": 2`) is a fixed byte layout that no object's key order can
 * change: a label, then each field length-prefixed (UTF-8 strings) or as a big-endian u32.
 */
export const SLOT_BINDING_VERSION = 2;

export function slotBinding(vaultId: string, kind: SlotKind, kdf: KdfParams): Buffer {
  return Buffer.concat([
    lengthPrefixed('resguardo-vault-slot/v2'),
    lengthPrefixed(vaultId),
    lengthPrefixed(kind),
    lengthPrefixed(kdf.algorithm),
    u32(kdf.memoryKiB),
    u32(kdf.iterations),
    u32(kdf.parallelism),
  ]);
}

/**
 * Version 1, what vaults made before this file wrote: `JSON.stringify(kdf)` of an object in the
 * schema's key order. Spelled out field by field here so that it stays byte-identical whatever
 * order an object is built in; such slots are rewritten as version 2 when they are next opened.
 */
export function legacySlotBinding(vaultId: string, kind: SlotKind, kdf: KdfParams): Buffer {
  const json =
    `{"algorithm":${JSON.stringify(kdf.algorithm)},"memoryKiB":${kdf.memoryKiB},` +
    `"iterations":${kdf.iterations},"parallelism":${kdf.parallelism}}`;
  return Buffer.from(`resguardo-vault-slot/v1/${vaultId}/${kind}/${json}`, 'utf8');
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}
