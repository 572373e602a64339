import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Encrypted evidence files: <dataDir>/evidence/<random file id>, nothing in the name. */
export function evidenceDir(dataDir: string): string {
  return join(dataDir, 'evidence');
}

/** Folders inside the evidence folder where an import writes before its files are moved in. */
export const STAGING_PREFIX = '.import-';

export function evidenceFile(dataDir: string, fileId: string): string {
  if (!/^[0-9a-f]{32}$/.test(fileId)) throw new Error('bad evidence file id');
  return join(evidenceDir(dataDir), fileId);
}

/**
 * Remove encrypted files whose rows (and so keys) are gone. Without its key a file is noise
 * already; removing it frees the space and leaves no trace of how much evidence there was.
 */
export async function removeEvidenceFiles(dataDir: string, fileIds: readonly string[]) {
  await Promise.all(
    fileIds.flatMap((id) => [
      rm(evidenceFile(dataDir, id), { force: true }),
      // An import or intake stopped half way leaves the file under its partial name.
      rm(`${evidenceFile(dataDir, id)}.part`, { force: true }),
    ]),
  );
}
