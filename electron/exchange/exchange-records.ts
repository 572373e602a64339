import { createHash } from 'node:crypto';
import { z } from 'zod';
import { vectorSchema } from './version-vectors';

/**
 * One record as it travels: a row of a known kind, by id, with its columns (snake_case, as in
 * the database). The exchange layer knows nothing else about it; table-records.ts maps kinds to
 * tables.
 */
const value = z.union([
  z.string().max(200_000),
  z.number().finite(),
  z.null(),
  z.array(z.string().max(200)).max(200),
]);
export const exchangeRecordSchema = z.strictObject({
  kind: z.string().regex(/^[a-z_]{1,40}$/),
  id: z.uuid(),
  data: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), value),
  /** Format version 3: the version's history (version-vectors.ts); absent in older files. */
  v: vectorSchema.optional(),
  /** Format version 3: this version reads exactly as the older version `s` (merge.ts). */
  s: vectorSchema.optional(),
});
export type ExchangeRecord = z.infer<typeof exchangeRecordSchema>;
export type RecordValue = z.infer<typeof value>;

/** JSON with keys sorted at every level: equal records hash equal on both offices. */
export function canonicalJson(input: unknown): string {
  if (Array.isArray(input)) return `[${input.map(canonicalJson).join(',')}]`;
  if (input !== null && typeof input === 'object') {
    const entries = Object.entries(input as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(input);
}

/** `items` cut into runs of at most `size`, for statements over many rows. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A record's kind and id as one key, for maps of a whole file's records. */
export const recordKey = (kind: string, id: string) => `${kind}/${id}`;

/** The version's content (its history left out): equal content hashes equal everywhere. */
export function recordHash({ kind, id, data }: ExchangeRecord): string {
  return createHash('sha256').update(canonicalJson({ kind, id, data })).digest('hex');
}

/**
 * Where the feed thread reads an evidence item: a vault file, decrypted chunk by chunk under the
 * item's key (authenticated), or a plain file (tests, benchmarks), hashed on the way.
 */
export type EvidenceSource =
  | { kind: 'vault'; path: string; fileId: string; key: Buffer; size: number }
  | { kind: 'plain'; path: string; size: number; sha256: string };

/** Evidence as the source offers it: content-addressed by SHA-256. */
export interface EvidenceBlob {
  sha256: string;
  size: number;
  source: EvidenceSource;
}

/**
 * Where an export takes its content from. The exchange layer depends on this, not on the case
 * repositories: table-records.ts is the real provider, tests give their own.
 */
export interface ExportSource {
  records(): AsyncIterable<ExchangeRecord>;
  evidence(): Promise<EvidenceBlob[]>;
}
