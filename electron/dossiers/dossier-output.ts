import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { type Database } from '../database/sqlite';
import { decryptAge, type AgeKey } from '../exchange/age-reader';
import { type AgeTarget } from '../exchange/age-header';
import { createEncryptingWriter, removeParts } from '../exchange/encrypting-writer';
import { FAT32_SPLIT } from '../exchange/export-file';
import { type SyncPart } from '../exchange/part-flusher';
import { syncFolder, writeFileAtomic } from '../files/atomic-write';
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

async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path)) if (Buffer.isBuffer(chunk)) yield chunk;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(path)) hash.update(chunk);
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
 * Encrypted through the exchange's worker under a temporary name and fsynced, read back and
 * compared with the PDF, and only then renamed into place: a file that is not what was meant
 * never appears under the chosen name. `syncPart`: how the file is flushed (tests garble it).
 */
export async function saveEncrypted(
  pdf: Buffer,
  path: string,
  target: AgeTarget,
  verifyKey: AgeKey,
  syncPart?: SyncPart,
): Promise<SavedFile> {
  const tempBase = `${path}.partial`;
  const writer = await createEncryptingWriter({
    target,
    tempBase,
    splitSize: FAT32_SPLIT,
    syncPart,
  });
  try {
    await writer.write(pdf);
    const [part, extra] = (await writer.end()).parts;
    writer.payloadKey.fill(0);
    if (!part || extra) throw new Error('a dossier is written as one file');
    await verifyEncrypted(part, verifyKey, pdf);
    await rename(part, path);
    await syncFolder(dirname(path));
  } catch (error) {
    await writer.abort();
    await removeParts(tempBase);
    rethrowWriteFailure(error);
  }
  return { encrypted: true, size: (await stat(path)).size, sha256: await sha256File(path) };
}

/** Decrypted as a recipient would, it must be the PDF; whatever else comes back, the drive changed it. */
async function verifyEncrypted(path: string, key: AgeKey, pdf: Buffer): Promise<void> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of decryptAge(fileChunks(path), key)) hash.update(chunk);
  } catch (error) {
    throw error instanceof AppFailure ? new AppFailure('export_not_verified') : error;
  }
  const expected = createHash('sha256').update(pdf).digest('hex');
  if (hash.digest('hex') !== expected) throw new AppFailure('export_not_verified');
}
