import { createHash } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { fingerprintOf } from '../office/office-card';
import { verifySignature } from '../office/office-keys';
import { type AgeKey, decryptAge } from './age-reader';
import { ArchiveSink, type ImportLimits } from './archive-sink';
import { exchangeRecordSchema, type ExchangeRecord } from './exchange-records';
import { FORMAT_VERSION, manifestSchema, type Manifest } from './manifest';
import { readJoined } from './part-files';
import { type Spooled, discardSpooled } from './spool';
import { createTarReader } from './tar-reader';

export interface VerifiedExport {
  manifest: Manifest;
  records: ExchangeRecord[];
  /** Spooled evidence by SHA-256, every byte already hashed and matched to the manifest. */
  evidence: Map<string, Spooled>;
}

/**
 * The first pass of an import: decrypt the whole file, check its structure, every part's size
 * and hash and the signature. Nothing is applied here; what is returned can be trusted as what
 * the holder of the manifest's signing key sent (whether that is a known partner is the
 * caller's question).
 */
export async function readExport(
  paths: readonly string[],
  key: AgeKey,
  spoolDir: string | null,
  limits: ImportLimits,
  onBytes?: (bytes: number) => void,
): Promise<VerifiedExport> {
  const sink = new ArchiveSink(spoolDir, limits);
  const tar = createTarReader(sink);
  try {
    // A valid age file whose content does not even start with our first entry is not ours.
    const notOurs = (error: unknown) =>
      error instanceof AppFailure && error.code === 'exchange_corrupt' && !sink.started
        ? new AppFailure('exchange_not_ours')
        : error;
    for await (const plain of decryptAge(counting(readJoined(paths), onBytes), key)) {
      await tar.push(plain).catch((error: unknown) => {
        throw notOurs(error);
      });
    }
    try {
      tar.finish();
    } catch (error) {
      throw notOurs(error);
    }
    const manifest = checkManifest(sink);
    return { manifest, records: parseRecords(sink.recordChunks), evidence: sink.evidence };
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

async function* counting(source: AsyncIterable<Buffer>, onBytes?: (bytes: number) => void) {
  for await (const chunk of source) {
    onBytes?.(chunk.length);
    yield chunk;
  }
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

function parseRecords(chunks: readonly Buffer[]): ExchangeRecord[] {
  const records: ExchangeRecord[] = [];
  for (const chunk of chunks) {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new AppFailure('exchange_corrupt');
      }
      const record = exchangeRecordSchema.safeParse(value);
      if (!record.success) throw new AppFailure('exchange_corrupt');
      records.push(record.data);
    }
  }
  return records;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function discardVerified(verified: VerifiedExport): Promise<void> {
  await discardSpooled(verified.evidence.values());
}
