import { createHash, type Hash } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import {
  ENTRY,
  EVIDENCE_ENTRY,
  FORMAT_NAME,
  FORMAT_VERSION,
  formatMarkerSchema,
  RECORDS_ENTRY,
} from './manifest';
import { createSpoolWriter, discardSpooled, type Spooled } from './spool';
import { type TarSink } from './tar-reader';

export interface ImportLimits {
  maxEntries: number;
  maxEvidenceBytes: number;
  maxTotalBytes: number;
  maxRecordsEntryBytes: number;
  maxRecordsBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxEntries: 200_000,
  maxEvidenceBytes: 8 * 1024 ** 3 - 1,
  maxTotalBytes: 64 * 1024 ** 3,
  maxRecordsEntryBytes: 8 * 1024 * 1024,
  maxRecordsBytes: 512 * 1024 * 1024,
};

const SMALL_MAX = { format: 1024, manifest: 16 * 1024 * 1024, signature: 64 };

type Phase = 'format' | 'content' | 'signature' | 'done';
type Current =
  | { kind: 'small'; name: string; bytes: Buffer[]; hash: Hash }
  | {
      kind: 'evidence';
      name: string;
      sha256: string;
      hash: Hash;
      size: number;
      /** Null when only verifying (an export read back): hashed, not kept. */
      writer: Awaited<ReturnType<typeof createSpoolWriter>> | null;
    };

const tooLarge = () => new AppFailure('exchange_too_large');
const corrupt = () => new AppFailure('exchange_corrupt');

/**
 * Receives the inner archive's entries in the one order the format allows, within the limits,
 * hashing each as it goes; small entries stay in memory, evidence is spooled encrypted.
 */
export class ArchiveSink implements TarSink {
  started = false;
  readonly parts = new Map<string, { size: number; sha256: string }>();
  readonly recordChunks: Buffer[] = [];
  readonly evidence = new Map<string, Spooled>();
  manifestBytes: Buffer | null = null;
  signature: Buffer | null = null;
  private phase: Phase = 'format';
  private current: Current | null = null;
  private entries = 0;
  private total = 0;
  private recordsTotal = 0;

  constructor(
    private readonly spoolDir: string | null,
    private readonly limits: ImportLimits,
  ) {}

  async start(name: string, size: number): Promise<void> {
    this.started = true;
    if (++this.entries > this.limits.maxEntries) throw tooLarge();
    this.total += size;
    if (this.total > this.limits.maxTotalBytes) throw tooLarge();
    const small = (max: number) => {
      if (size > max) throw tooLarge();
      this.current = { kind: 'small', name, bytes: [], hash: createHash('sha256') };
    };
    if (this.phase === 'format') {
      if (name !== ENTRY.format) throw new AppFailure('exchange_not_ours');
      return small(SMALL_MAX.format);
    }
    if (this.phase === 'signature') {
      if (name !== ENTRY.signature) throw corrupt();
      return small(SMALL_MAX.signature);
    }
    if (this.phase === 'done') throw corrupt();
    if (this.parts.has(name)) throw corrupt();
    if (name === ENTRY.manifest) return small(SMALL_MAX.manifest);
    if (RECORDS_ENTRY.test(name)) {
      this.recordsTotal += size;
      if (
        size > this.limits.maxRecordsEntryBytes ||
        this.recordsTotal > this.limits.maxRecordsBytes
      )
        throw tooLarge();
      return small(this.limits.maxRecordsEntryBytes);
    }
    const evidence = EVIDENCE_ENTRY.exec(name);
    if (!evidence?.[1]) throw corrupt();
    if (size > this.limits.maxEvidenceBytes) throw tooLarge();
    this.current = {
      kind: 'evidence',
      name,
      sha256: evidence[1],
      hash: createHash('sha256'),
      size: 0,
      writer: this.spoolDir === null ? null : await createSpoolWriter(this.spoolDir),
    };
  }

  async data(bytes: Uint8Array): Promise<void> {
    const current = this.current;
    if (!current) throw corrupt();
    current.hash.update(bytes);
    if (current.kind === 'small') current.bytes.push(Buffer.from(bytes));
    else {
      current.size += bytes.length;
      await current.writer?.write(bytes);
    }
  }

  async end(): Promise<void> {
    const current = this.current;
    if (!current) throw corrupt();
    this.current = null;
    const sha256 = current.hash.digest('hex');
    if (current.kind === 'evidence') {
      if (current.writer) this.evidence.set(current.sha256, await current.writer.finish());
      this.parts.set(current.name, { size: current.size, sha256 });
      return;
    }
    const body = Buffer.concat(current.bytes);
    if (this.phase === 'format') return this.checkFormat(body);
    if (this.phase === 'signature') {
      this.signature = body;
      this.phase = 'done';
    } else if (current.name === ENTRY.manifest) {
      this.manifestBytes = body;
      this.phase = 'signature';
    } else {
      this.recordChunks.push(body);
      this.parts.set(current.name, { size: body.length, sha256 });
    }
  }

  private checkFormat(body: Buffer): void {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      throw new AppFailure('exchange_not_ours');
    }
    const marker = formatMarkerSchema.safeParse(value);
    if (!marker.success || marker.data.format !== FORMAT_NAME) {
      throw new AppFailure('exchange_not_ours');
    }
    if (marker.data.version !== FORMAT_VERSION)
      throw new AppFailure('exchange_version_unsupported');
    this.phase = 'content';
  }

  async discard(): Promise<void> {
    if (this.current?.kind === 'evidence') await this.current.writer?.discard();
    this.current = null;
    await discardSpooled(this.evidence.values());
    this.evidence.clear();
  }
}
