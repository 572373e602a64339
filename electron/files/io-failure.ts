import { AppFailure } from '../../shared/errors';

/** What a full drive answers (EFBIG: a file past what its file system allows). */
const FULL_CODES = ['ENOSPC', 'EDQUOT', 'EFBIG'];

/**
 * A failed write to a drive or folder as the user should hear it — out of space, or not
 * writable (pulled out, write-protected, damaged) — or null when `error` is not a file-system
 * error at all.
 */
export function writeFailure(error: unknown): AppFailure | null {
  if (!(error instanceof Error) || error instanceof AppFailure) return null;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || syscall === undefined) return null;
  return new AppFailure(FULL_CODES.includes(code) ? 'drive_full' : 'file_unwritable');
}

/** For `.catch`: a failed write to a place the user chose, rethrown as `writeFailure` says. */
export function rethrowWriteFailure(error: unknown): never {
  throw writeFailure(error) ?? error;
}

/** The same for worker sources (strings): `fsFailureCode(error, 'read' | 'write')`. */
export const IO_FAILURE_JS = String.raw`
const FULL_CODES = ${JSON.stringify(FULL_CODES)};
function fsFailureCode(error, when) {
  if (!error || typeof error.code !== 'string' || !error.syscall) return null;
  if (when === 'read') return 'file_unreadable';
  return FULL_CODES.includes(error.code) ? 'drive_full' : 'file_unwritable';
}
`;
