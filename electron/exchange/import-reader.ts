import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { openRegularFile } from '../files/regular-file';
import { fingerprintOf } from '../office/office-card';
import { verifySignature } from '../office/office-keys';
import { type AgeKey, HEADER_MAX, openHeader, shortFileFailure } from './age-reader';
import { ArchiveSink, type ImportLimits, smallEntryMax } from './archive-sink';
import { envelopeMatches } from './envelope';
import { type EntryMessage, type OpenedFile, readThroughThreads } from './decrypt-threads';
import { type ExchangeRecord } from './exchange-records';
import { RecordsCollector } from './import-records';
import { FORMAT_VERSION, manifestSchema, type Manifest } from './manifest';
import { parseTarHeader } from './tar-reader';

/**
 * Where the apply pass reads the checked file again: a copy made while checking it (still
 * encrypted), or the file itself. The payload key is the one the check derived.
 */
export interface CheckedFile {
  paths: string[];
  payloadKey: Buffer;
  payloadStart: number;
  /** The paths are our copy in the spool folder (removed with the import). */
  copied: boolean;
}

export interface VerifiedExport {
  manifest: Manifest;
  /**
   * Held while their entries fit `limits.recordsInMemoryBytes`; null when there are more:
   * read again from `file` a records entry at a time (import-records.ts forEachRecordBatch).
   */
  records: ExchangeRecord[] | null;
  recordCount: number;
  recordsEntryMax: number;
  /** Evidence in the file: SHA-256 → size, every byte hashed and matched to the manifest. */
  evidence: Map<string, number>;
  file: CheckedFile;
}

/**
 * The first pass of an import: decrypt the whole file (decrypt-threads.ts), check its
 * structure, every part's size and hash and the signature. Nothing is applied here; what is
 * returned can be trusted as what the holder of the manifest's signing key sent (whether that
 * is a known partner is the caller's question). With `spoolDir` (a file on a removable drive),
 * it is copied there as it is read — still encrypted, so no readable byte touches the disk —
 * for the apply pass to read again once the drive is unplugged; else the apply pass reads the
 * file itself again, and refuses it if it changed (evidence-records.ts).
 */
export async function readExport(
  paths: readonly string[],
  key: AgeKey,
  spoolDir: string | null,
  limits: ImportLimits,
  progress: { onBytes?: (bytes: number) => void; signal?: AbortSignal; readPauseMs?: number } = {},
): Promise<VerifiedExport> {
  const opening = openFile(paths, key);
  // Awaited below, or on failure; never left as an unhandled rejection meanwhile.
  opening.catch(() => undefined);
  const copyPath = spoolDir === null ? null : join(spoolDir, randomBytes(16).toString('hex'));
  const collected = new RecordsCollector(limits.recordsInMemoryBytes);
  const sink = new ArchiveSink(limits, (body) => collected.add(body));
  try {
    await readThroughThreads(
      opening,
      { ...progress, smallMax: smallEntryMax(limits), copyPath },
      (message) => receive(sink, message),
    );
    const { payloadKey, payloadStart } = await opening;
    const manifest = checkManifest(sink);
    const records = collected.finish();
    const file =
      copyPath === null
        ? { paths: [...paths], payloadKey, payloadStart, copied: false }
        : { paths: [copyPath], payloadKey, payloadStart, copied: true };
    return {
      manifest,
      records,
      recordCount: collected.count,
      recordsEntryMax: limits.maxRecordsEntryBytes,
      evidence: sink.evidence,
      file,
    };
  } catch (error) {
    await opening.then(
      (opened) => opened.payloadKey.fill(0),
      () => undefined,
    );
    if (copyPath !== null) await rm(copyPath, { force: true });
    throw error;
  }
}

/** The file's header read and unwrapped with `key`. */
export async function openFile(paths: readonly string[], key: AgeKey): Promise<OpenedFile> {
  const head = await readHead(paths);
  const opened = await openHeader(head, key);
  if (!opened) throw shortFileFailure(head.length);
  return { paths, ...opened };
}

function receive(sink: ArchiveSink, message: EntryMessage): void {
  if (message.type === 'header') {
    try {
      const { name, size } = parseTarHeader(message.block);
      sink.start(name, size);
    } catch (error) {
      // A valid age file whose content does not even start with our first entry is not ours.
      const damaged = error instanceof AppFailure && error.code === 'exchange_corrupt';
      throw damaged && !sink.started ? new AppFailure('exchange_not_ours') : error;
    }
  } else if (message.type === 'data') sink.data(message.bytes);
  else if (message.type === 'end') sink.end(message);
}

/** The start of the file (its parts joined), enough for any header we accept. */
async function readHead(paths: readonly string[]): Promise<Buffer> {
  const head = Buffer.alloc(HEADER_MAX + 16);
  let filled = 0;
  for (const path of paths) {
    if (filled === head.length) break;
    const handle = await openRegularFile(path);
    try {
      const { bytesRead } = await handle.read(head, filled, head.length - filled, 0);
      filled += bytesRead;
    } finally {
      await handle.close();
    }
  }
  return head.subarray(0, filled);
}

function checkManifest(sink: ArchiveSink): Manifest {
  const { manifestBytes, signature } = sink;
  if (!manifestBytes || !signature) throw new AppFailure('exchange_corrupt');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw new AppFailure('exchange_corrupt');
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw new AppFailure('exchange_version_unsupported');
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new AppFailure('exchange_corrupt');
  const manifest = result.data;
  const { sender } = manifest;
  if (fingerprintOf(sender) !== sender.fingerprint) throw new AppFailure('exchange_bad_signature');
  if (!verifySignature(sender.signingPublic, manifestBytes, signature)) {
    throw new AppFailure('exchange_bad_signature');
  }
  // A stick's listing named the file by its envelope: it must say what the manifest says.
  if (sink.envelope && !envelopeMatches(sink.envelope, manifest)) {
    throw new AppFailure('exchange_corrupt');
  }
  // Exactly the parts listed, no more, no fewer, each of the stated size and hash.
  const listed = new Map(manifest.parts.map((p) => [p.name, p]));
  if (listed.size !== manifest.parts.length || listed.size !== sink.parts.size) {
    throw new AppFailure('exchange_corrupt');
  }
  for (const [name, seen] of sink.parts) {
    const part = listed.get(name);
    if (!part || part.size !== seen.size || part.sha256 !== seen.sha256) {
      throw new AppFailure('exchange_corrupt');
    }
  }
  return manifest;
}

export async function discardVerified(verified: VerifiedExport): Promise<void> {
  verified.file.payloadKey.fill(0);
  if (verified.file.copied)
    await Promise.all(verified.file.paths.map((path) => rm(path, { force: true })));
}
