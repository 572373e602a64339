import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { AppFailure } from '../../shared/errors';
import { type Database } from '../database/sqlite';
import { type AgeKey } from '../exchange/age-reader';
import { type AgeTarget } from '../exchange/age-header';
import { writeCheckedFile } from '../exchange/checked-file';
import { FAT32_SPLIT } from '../exchange/export-file';
import { type SyncPart } from '../exchange/part-flusher';
import { writeFileAtomic } from '../files/atomic-write';
import { rethrowWriteFailure } from '../files/io-failure';
import { ownCard } from '../office/office-views';
import { getPartner } from '../office/partner-repository';

export type DossierDestination =
  { partners: readonly string[] } | { passphrase: string } | { plain: true };

export interface SavedFile {
  encrypted: boolean;
  size: number;
  /** Of the file written (what the audit log records). */
  sha256: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) if (Buffer.isBuffer(chunk)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The age target and the key to read the file back: verified partners plus this office (so it
 * can check what it wrote), or a passphrase. The same rule as the exchange: never encrypt to a
 * card nobody confirmed.
 */
async function ageTarget(
  db: Database,
  to: Exclude<DossierDestination, { plain: true }>,
): Promise<{ target: AgeTarget; verifyKey: AgeKey }> {
  if ('passphrase' in to) return { target: to, verifyKey: to };
  const own = await ownCard(db);
  const partners = await Promise.all(to.partners.map((fp) => getPartner(db, fp)));
  if (partners.some((p) => p.verifiedAt === null))
    throw new AppFailure('exchange_unverified_sender');
  return {
    target: { recipients: [...partners.map((p) => p.ageRecipient), own.ageRecipient] },
    verifyKey: { identity: own.keys.ageIdentity },
  };
}

/**
 * Save the PDF at `path`: plain only when asked for, else as one age file readable with the
 * standard tool (`age -d -o dossier.pdf`).
 */
export async function saveDossier(
  db: Database,
  pdf: Buffer,
  path: string,
  to: DossierDestination,
): Promise<SavedFile> {
  if ('plain' in to) {
    await writeFileAtomic(path, pdf).catch(rethrowWriteFailure);
    return { encrypted: false, size: pdf.length, sha256: await sha256File(path) };
  }
  const { target, verifyKey } = await ageTarget(db, to);
  return saveEncrypted(pdf, path, target, verifyKey);
}

/**
 * Encrypted through the exchange's worker under a temporary name, read back from the drive and
 * checked as an export is (checked-file.ts), and only then renamed into place: a file that is
 * not what was written never appears under the chosen name. `syncPart`: how the file is
 * flushed (tests garble it).
 */
export async function saveEncrypted(
  pdf: Buffer,
  path: string,
  target: AgeTarget,
  verifyKey: AgeKey,
  syncPart?: SyncPart,
): Promise<SavedFile> {
  const { written } = await writeCheckedFile(
    { target, verifyKey, path, tempBase: `${path}.partial`, splitSize: FAT32_SPLIT, syncPart },
    (writer) => writer.write(pdf),
  );
  return { encrypted: true, size: written.size, sha256: await sha256File(path) };
}
