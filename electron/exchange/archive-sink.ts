import { AppFailure } from '../../shared/errors';
import { readEnvelope, type SignedEnvelope } from './envelope';
import {
  ENTRY,
  EVIDENCE_ENTRY,
  FORMAT_NAME,
  FORMAT_VERSION,
  formatMarkerSchema,
  RECORDS_ENTRY,
} from './manifest';

export interface ImportLimits {
  maxEntries: number;
  maxEvidenceBytes: number;
  maxTotalBytes: number;
  maxRecordsEntryBytes: number;
  /** All records entries together: a bound on hostile input, not on memory. */
  maxRecordsBytes: number;
  /** Records kept in memory up to this many bytes of entries; beyond, read again (import-records.ts). */
  recordsInMemoryBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxEntries: 200_000,
  maxEvidenceBytes: 8 * 1024 ** 3 - 1,
  maxTotalBytes: 64 * 1024 ** 3,
  maxRecordsEntryBytes: 8 * 1024 * 1024,
  maxRecordsBytes: 16 * 1024 ** 3,
  recordsInMemoryBytes: 32 * 1024 * 1024,
};

const SMALL_MAX = { format: 1024, manifest: 16 * 1024 * 1024, signature: 64 };

/** The largest entry whose content comes to the main thread (evidence never does). */
export function smallEntryMax(limits: ImportLimits): number {
  return Math.max(SMALL_MAX.manifest, limits.maxRecordsEntryBytes);
}

type Phase = 'format' | 'content' | 'signature' | 'done';
type Current =
  | { kind: 'small'; name: string; size: number; bytes: Buffer[] }
  | { kind: 'evidence'; name: string; size: number; sha256: string };

const tooLarge = () => new AppFailure('exchange_too_large');
const corrupt = () => new AppFailure('exchange_corrupt');

/**
 * Receives the inner archive's entries in the one order the format allows, within the limits:
 * small entries in memory (records entries handed on one by one), evidence as the size and
 * SHA-256 the entries thread measured.
 */
export class ArchiveSink {
  started = false;
  readonly parts = new Map<string, { size: number; sha256: string }>();
  /** Evidence in the archive: SHA-256 (from its name) → size. */
  readonly evidence = new Map<string, number>();
  /** The first entry's signed envelope, when the sender wrote one (envelope.ts). */
  envelope: SignedEnvelope | null = null;
  manifestBytes: Buffer | null = null;
  signature: Buffer | null = null;
  private phase: Phase = 'format';
  private current: Current | null = null;
  private entries = 0;
  private total = 0;
  private recordsTotal = 0;

  constructor(
    private readonly limits: ImportLimits,
    /** Each records entry as it completes (its size checked; its hash, against the manifest, later). */
    private readonly onRecords: (body: Buffer) => void,
  ) {}

  start(name: string, size: number): void {
    if (this.current) throw corrupt();
    this.started = true;
    if (++this.entries > this.limits.maxEntries) throw tooLarge();
    this.total += size;
    if (this.total > this.limits.maxTotalBytes) throw tooLarge();
    const small = (max: number) => {
      if (size > max) throw tooLarge();
      this.current = { kind: 'small', name, size, bytes: [] };
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
    this.current = { kind: 'evidence', name, size, sha256: evidence[1] };
  }

  data(bytes: Uint8Array): void {
    const current = this.current;
    if (current?.kind !== 'small') throw corrupt();
    current.bytes.push(Buffer.from(bytes));
  }

  /** The entry is complete: `measured` is what the entries thread counted and hashed. */
  end(measured: { size: number; sha256: string }): void {
    const current = this.current;
    if (!current || measured.size !== current.size) throw corrupt();
    this.current = null;
    if (current.kind === 'evidence') {
      this.evidence.set(current.sha256, current.size);
      this.parts.set(current.name, measured);
      return;
    }
    const body = Buffer.concat(current.bytes);
    if (body.length !== current.size) throw corrupt();
    if (this.phase === 'format') return this.checkFormat(body);
    if (this.phase === 'signature') {
      this.signature = body;
      this.phase = 'done';
    } else if (current.name === ENTRY.manifest) {
      this.manifestBytes = body;
      this.phase = 'signature';
    } else {
      this.onRecords(body);
      this.parts.set(current.name, measured);
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
    // Older versions are read too; a newer one says to update the app.
    if (marker.data.version > FORMAT_VERSION) throw new AppFailure('exchange_version_unsupported');
    this.envelope = readEnvelope(body);
    this.phase = 'content';
  }
}
