import { createHash } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { signBytes, type OfficeKeys } from '../office/office-keys';
import { formatEntry } from './envelope';
import { type EvidenceBlob, type ExportSource } from './exchange-records';
import {
  ENTRY,
  FORMAT_NAME,
  evidenceEntryName,
  FORMAT_VERSION,
  type Manifest,
  type ManifestPart,
  recordsEntryName,
} from './manifest';
import { tarEnd, tarHeader, tarPadding } from './tar-format';

/** Records are cut into entries of about this size: memory stays bounded however many there are. */
export const RECORDS_ENTRY_BYTES = 1024 * 1024;

export type WriteBytes = (bytes: Uint8Array) => Promise<void>;
/** Write one evidence item's content (exactly `blob.size` bytes) into the archive. */
export type WriteEvidence = (blob: EvidenceBlob, onBytes: (bytes: number) => void) => Promise<void>;
export type ManifestFields = Omit<Manifest, 'format' | 'version' | 'parts' | 'recordCount'>;

export interface ArchiveOptions {
  source: ExportSource;
  fields: ManifestFields;
  keys: OfficeKeys;
  write: WriteBytes;
  writeEvidence: WriteEvidence;
  /** Plaintext bytes of evidence written so far (the bulk of any export). */
  onEvidenceBytes?: (bytes: number) => void;
  signal?: AbortSignal;
}

/**
 * Write the inner tar: format marker (with the signed envelope), records, evidence, then the manifest and its signature —
 * last, so that every part's hash is known without reading anything twice.
 */
export async function writeArchive(options: ArchiveOptions): Promise<Manifest> {
  const { write, signal } = options;
  const now = new Date(options.fields.createdAt);
  const parts: ManifestPart[] = [];
  let offset = 0;
  const emit = async (bytes: Uint8Array) => {
    if (signal?.aborted) throw new AppFailure('cancelled');
    offset += bytes.length;
    await write(bytes);
  };
  const entry = async (name: string, body: Uint8Array) => {
    await emit(tarHeader(name, body.length, now));
    await emit(body);
    await emit(tarPadding(body.length));
  };

  // Every record carries its history: version 3 (manifest.ts).
  const { deleted = [], ...fields } = options.fields;
  const evidence = await options.source.evidence();
  const version = FORMAT_VERSION;
  // With the signed envelope (envelope.ts): a stick's listing reads it from the first chunk.
  await entry(ENTRY.format, formatEntry(version, fields, options.keys));

  let lines: Buffer[] = [];
  let pending = 0;
  let recordCount = 0;
  const flushRecords = async () => {
    if (lines.length === 0) return;
    const body = Buffer.concat(lines);
    const name = recordsEntryName(parts.filter((p) => p.name.startsWith('records-')).length + 1);
    parts.push({
      name,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    await entry(name, body);
    lines = [];
    pending = 0;
  };
  for await (const record of options.source.records()) {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    lines.push(line);
    pending += line.length;
    recordCount += 1;
    if (pending >= RECORDS_ENTRY_BYTES) await flushRecords();
  }
  await flushRecords();

  const seen = new Set<string>();
  for (const blob of evidence) {
    if (seen.has(blob.sha256)) continue;
    seen.add(blob.sha256);
    const name = evidenceEntryName(blob.sha256);
    await emit(tarHeader(name, blob.size, now));
    if (signal?.aborted) throw new AppFailure('cancelled');
    // Read (and for vault items decrypted, authenticated) off the main thread; a damaged or
    // changed item fails the export with `evidence_corrupt` rather than send altered evidence.
    await options.writeEvidence(blob, (bytes) => options.onEvidenceBytes?.(bytes));
    offset += blob.size;
    await emit(tarPadding(blob.size));
    parts.push({ name, size: blob.size, sha256: blob.sha256 });
  }

  const manifest: Manifest = {
    format: FORMAT_NAME,
    version,
    ...fields,
    ...(deleted.length > 0 ? { deleted } : {}),
    recordCount,
    parts,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1));
  await entry(ENTRY.manifest, manifestBytes);
  await entry(ENTRY.signature, signBytes(options.keys, manifestBytes));
  await emit(tarEnd(offset));
  return manifest;
}
