import { AppFailure } from '../../shared/errors';

/** What a full drive answers (EFBIG: a file past what its file system allows). */
const FULL_CODES = ['ENOSPC', 'EDQUOT', 'EFBIG'];

function fsError(error: unknown): NodeJS.ErrnoException | null {
  return error instanceof Error && !(error instanceof AppFailure) ? error : null;
}

/**
 * A failed write to a drive or folder as the user should hear it — out of space, or not
 * writable (pulled out, write-protected, damaged) — or null when `error` is not a file-system
 * error at all.
 */
export function writeFailure(error: unknown): AppFailure | null {
  const failed = fsError(error);
  if (failed === null || typeof failed.code !== 'string' || failed.syscall === undefined) {
    return null;
  }
  return new AppFailure(FULL_CODES.includes(failed.code) ? 'drive_full' : 'file_unwritable');
}

/** Calls that only fail on the writing side. */
const WRITE_CALLS = ['write', 'fsync', 'fdatasync', 'close', 'rename', 'ftruncate'];

const isWriteCall = (error: NodeJS.ErrnoException) =>
  error.syscall !== undefined && WRITE_CALLS.includes(error.syscall);

/** Whether a file-system error came from writing `target` rather than from reading a source. */
export function isWriteTo(error: unknown, target: string): boolean {
  const failed = fsError(error);
  return failed !== null && (isWriteCall(failed) || failed.path === target);
}

/** A file the user chose that could not be read (a stick pulled out, a damaged file). */
export function readFailure(error: unknown, source: string): AppFailure | null {
  const failed = fsError(error);
  if (failed === null || isWriteCall(failed)) return null;
  const { code, syscall, path } = failed;
  if (typeof code !== 'string' || (syscall !== 'read' && path !== source)) return null;
  return new AppFailure('file_unreadable');
}

/**
 * The computer's own disk full (the app's data folder: the database, evidence, staging), as the
 * user should hear it; null for anything else. SQLite says SQLITE_FULL.
 */
export function localWriteFailure(error: unknown): AppFailure | null {
  const failed = fsError(error);
  if (failed === null || typeof failed.code !== 'string') return null;
  const full =
    failed.code === 'SQLITE_FULL' ||
    (failed.syscall !== undefined && FULL_CODES.includes(failed.code));
  return full ? new AppFailure('disk_full') : null;
}

/** For `.catch`: a failed write to a place the user chose, rethrown as `writeFailure` says. */
export function rethrowWriteFailure(error: unknown): never {
  throw writeFailure(error) ?? error;
}

/**
 * The same for worker sources (strings): `fsFailureCode(error, 'read' | 'write' | 'local')`
 * ('local': the app's own folder, where only a full disk has a message of its own).
 */
export const IO_FAILURE_JS = String.raw`
const FULL_CODES = ${JSON.stringify(FULL_CODES)};
function fsFailureCode(error, when) {
  if (!error || typeof error.code !== 'string' || !error.syscall) return null;
  if (when === 'read') return 'file_unreadable';
  if (when === 'local') return FULL_CODES.includes(error.code) ? 'disk_full' : null;
  return FULL_CODES.includes(error.code) ? 'drive_full' : 'file_unwritable';
}
`;
