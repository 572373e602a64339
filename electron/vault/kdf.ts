import { z } from 'zod';
import { argon2 } from '../native/native-modules';

/** Argon2id cost. Stored in each key slot so it can be raised later without breaking old slots. */
export const kdfParamsSchema = z.strictObject({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive().max(16),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/** Below this a slot is refused on load: a tampered vault file must not downgrade the KDF. */
export const KDF_MINIMUM: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
};

/**
 * About half a second on this class of machine when it is otherwise idle (2 cores; see `npm run bench`,
 * figure vault.unlock): 384 MiB × 7 passes, two lanes.
 */
export const KDF_DEFAULT: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 384 * 1024,
  iterations: 7,
  parallelism: 2,
};

/** Refuse absurd costs too: a hostile vault file must not make the app allocate gigabytes. */
const KDF_MAXIMUM_MEMORY_KIB = 4 * 1024 * 1024;
const KDF_MAXIMUM_ITERATIONS = 64;

export function kdfIsAcceptable(params: KdfParams): boolean {
  return (
    params.memoryKiB >= KDF_MINIMUM.memoryKiB &&
    params.iterations >= KDF_MINIMUM.iterations &&
    params.parallelism >= KDF_MINIMUM.parallelism &&
    params.memoryKiB <= KDF_MAXIMUM_MEMORY_KIB &&
    params.iterations <= KDF_MAXIMUM_ITERATIONS
  );
}

const ARGON2ID = 2;
export const KEY_LENGTH = 32;

/**
 * Derive a 256-bit wrapping key. `hashRaw` runs on libuv's thread pool, so the main process's
 * event loop (and the window) stays responsive during the half second it takes.
 */
export async function deriveKey(
  secret: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Buffer> {
  return argon2().hashRaw(secret.normalize('NFC'), {
    algorithm: ARGON2ID,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: KEY_LENGTH,
    salt,
  });
}
