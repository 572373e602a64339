import { randomBytes } from 'node:crypto';

/**
 * A recovery key is 160 random bits in Crockford's base32 (no I, L, O, U: nothing to confuse
 * when copied by hand), shown as 8 groups of 4 characters.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 20;
export const RECOVERY_GROUP_SIZE = 4;
export const RECOVERY_GROUP_COUNT = 8;

export function generateRecoveryKey(): string {
  return formatRecoveryKey(toBase32(randomBytes(KEY_BYTES)));
}

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function formatRecoveryKey(compact: string): string {
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += RECOVERY_GROUP_SIZE) {
    groups.push(compact.slice(i, i + RECOVERY_GROUP_SIZE));
  }
  return groups.join('-');
}

/** Accepts what people type: any case, spaces or dashes, and the usual look-alikes. */
export function normalizeRecoveryKey(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

export function recoveryKeyGroups(key: string): string[] {
  return formatRecoveryKey(normalizeRecoveryKey(key)).split('-');
}
