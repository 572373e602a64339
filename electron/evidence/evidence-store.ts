import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { isWriteTo, readFailure, rethrowWriteFailure } from '../files/io-failure';
import { retryWhileBusy } from '../files/busy-retry';
import { evidenceDir, evidenceFile, STAGING_PREFIX } from './evidence-paths';
import { runEvidenceJob, type JobControl } from './run-evidence-job';

/** Decrypt-to-memory cap: previews only, never a way around the explicit save-as. */
export const PREVIEW_MAX_BYTES = 20 * 1024 * 1024;

export interface StoredEvidence {
  fileId: string;
  /** The per-item key: goes into the database and nowhere else. */
  fileKey: Buffer;
  sha256: string;
  size: number;
}

/**
 * Encrypt `source` into the evidence folder under a fresh key. A cancelled or failed intake
 * leaves no file: the partial `.part` is removed before this returns.
 */
export async function storeEvidence(
  dataDir: string,
  source: string,
  control: JobControl = {},
): Promise<StoredEvidence> {
  await mkdir(evidenceDir(dataDir), { recursive: true, mode: 0o700 });
  const fileId = randomBytes(16).toString('hex');
  const fileKey = randomBytes(32);
  const final = evidenceFile(dataDir, fileId);
  const partial = `${final}.part`;
  try {
    const result = await runEvidenceJob(
      { op: 'encrypt', source, target: partial, key: fileKey, fileId },
      control,
    );
    if (result.cancelled) throw new AppFailure('cancelled');
    if (!result.sha256 || result.size === undefined) throw new Error('evidence worker: no hash');
    await retryWhileBusy(() => rename(partial, final));
    return { fileId, fileKey, sha256: result.sha256, size: result.size };
  } catch (error) {
    fileKey.fill(0);
    await rm(partial, { force: true });
    // The chosen file gone or unreadable (its stick pulled out): said as such.
    throw readFailure(error, source) ?? error;
  }
}

export interface StoredRef {
  fileId: string;
  fileKey: Buffer;
  sha256: string;
}

/**
 * Decrypt to `destination` through a temporary file beside it, renamed into place only once
 * every chunk authenticated, the SHA-256 matched, and the copy read back from its drive (past
 * the cache where the system allows it) hashed the same: a damaged item never leaves a half
 * copy, and a drive that does not give back what it was given fails with
 * `export_not_verified` and keeps nothing. Returns whether the hash was re-checked equal.
 */
export async function decryptEvidenceTo(
  dataDir: string,
  item: StoredRef,
  destination: string,
  control: JobControl = {},
): Promise<{ sha256: string | null; hashOk: boolean }> {
  const temporary = join(
    dirname(destination),
    `.${basename(destination)}.${randomBytes(6).toString('hex')}.part`,
  );
  try {
    const result = await runEvidenceJob(
      {
        op: 'decrypt',
        source: evidenceFile(dataDir, item.fileId),
        target: temporary,
        key: item.fileKey,
        fileId: item.fileId,
        expectedSha256: item.sha256,
        maxBytes: Number.MAX_SAFE_INTEGER,
      },
      control,
    );
    if (result.cancelled) throw new AppFailure('cancelled');
    // The drive did not give back what was written: said as such, never as damaged evidence.
    if (result.notVerified) throw new AppFailure('export_not_verified');
    if (result.corrupt || !result.sha256) {
      await rm(temporary, { force: true });
      return { sha256: result.sha256 ?? null, hashOk: false };
    }
    await retryWhileBusy(() => rename(temporary, destination));
    return { sha256: result.sha256, hashOk: true };
  } catch (error) {
    await rm(temporary, { force: true });
    // A destination that filled up or went away is not damaged evidence.
    if (isWriteTo(error, temporary)) rethrowWriteFailure(error);
    if (isMissingFile(error)) return { sha256: null, hashOk: false };
    throw error;
  }
}

/** Decrypt into memory (≤ PREVIEW_MAX_BYTES), hash re-checked; null when damaged. */
export async function decryptEvidenceToMemory(
  dataDir: string,
  item: StoredRef,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const result = await runEvidenceJob({
      op: 'decrypt',
      source: evidenceFile(dataDir, item.fileId),
      target: null,
      key: item.fileKey,
      fileId: item.fileId,
      expectedSha256: item.sha256,
      maxBytes: PREVIEW_MAX_BYTES,
    });
    if (result.tooLarge) throw new AppFailure('evidence_too_large');
    if (result.corrupt || !result.bytes) return null;
    return result.bytes;
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}

/** The evidence file itself is gone (the worker passes on the file-system error's code). */
function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Remove what an interrupted intake left behind: encrypted files with no row (hence no key) and
 * partial files. Only files older than `minAgeMs`: an intake that starts while the sweep runs
 * has a fresh file, a crash's leftovers are old.
 */
export async function sweepEvidenceFolder(
  dataDir: string,
  knownFileIds: ReadonlySet<string>,
  minAgeMs = 60 * 60_000,
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(evidenceDir(dataDir));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (knownFileIds.has(name)) continue;
    const path = join(evidenceDir(dataDir), name);
    const staging = name.startsWith(STAGING_PREFIX);
    if (!staging && !/^[0-9a-f]{32}(\.part)?$/.test(name)) continue;
    const info = await stat(path);
    if (Date.now() - info.mtimeMs < minAgeMs) continue;
    if (staging && info.isDirectory()) {
      // An import stopped by a crash: its files never had rows, so no keys.
      await rm(path, { recursive: true, force: true });
      removed += 1;
    } else if (!staging && info.isFile()) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
