import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { AppFailure } from '../../shared/errors';
import { writeFileAtomic } from '../files/atomic-write';
import { kdfIsAcceptable, kdfParamsSchema } from './kdf';

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(512);

export const slotSchema = z.strictObject({
  kdf: kdfParamsSchema,
  salt: base64,
  nonce: base64,
  wrappedKey: base64,
  /** Absent on slots written before the canonical binding (see slot-binding.ts). */
  binding: z.literal(2).optional(),
});
export type Slot = z.infer<typeof slotSchema>;
export const slotKinds = ['passphrase', 'recovery'] as const;
export type SlotKind = (typeof slotKinds)[number];

export const VAULT_FORMAT_VERSION = 1;

/** The small file beside the database: one key slot per way in, nothing secret in the clear. */
export const vaultFileSchema = z.strictObject({
  format: z.literal('resguardo-vault'),
  version: z.literal(VAULT_FORMAT_VERSION),
  vaultId: z.uuid(),
  slots: z.strictObject({ passphrase: slotSchema, recovery: slotSchema }),
});
export type VaultFile = z.infer<typeof vaultFileSchema>;

const MAX_VAULT_FILE_BYTES = 64 * 1024;

export async function readVaultFile(path: string): Promise<VaultFile> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > MAX_VAULT_FILE_BYTES) throw new AppFailure('vault_corrupt');
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    if (isMissing(error)) throw new AppFailure('no_vault');
    throw new AppFailure('vault_corrupt');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppFailure('vault_corrupt');
  }
  const result = vaultFileSchema.safeParse(parsed);
  if (!result.success) throw new AppFailure('vault_corrupt');
  for (const kind of slotKinds) {
    if (!kdfIsAcceptable(result.data.slots[kind].kdf)) throw new AppFailure('vault_kdf_too_weak');
  }
  return result.data;
}

export async function writeVaultFile(path: string, vault: VaultFile): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(vaultFileSchema.parse(vault), null, 2)}\n`);
}

export function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
