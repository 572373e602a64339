import { type SharedVersion } from './record-bookkeeping';
import { RECORD_KINDS } from './table-records';

/** A record id as our vaults write them: a lowercase UUID, kept as its 16 bytes. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ENTRY = 1 + 16 + 32;
const BLOCK_ENTRIES = 4096;

/**
 * The versions an export sent (kind, id, hash), to become the bases with its recipients once
 * the file is verified: each kept in 49 bytes (kind, UUID, SHA-256) rather than three strings,
 * up to `limit` of them; beyond, none (a whole vault sends over a million).
 */
export class SentVersions {
  private readonly blocks: Buffer[] = [];
  private count = 0;
  /** More than `limit` were sent: none is kept (they are read back from the file instead). */
  dropped = false;

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}
  /** Ids that are not a lowercase UUID (none written by this app), kept as they are. */
  private readonly odd = new Map<number, SharedVersion>();

  add(version: SharedVersion): void {
    if (this.dropped) return;
    if (this.count === this.limit) {
      this.dropped = true;
      this.blocks.length = 0;
      this.odd.clear();
      return;
    }
    const kind = RECORD_KINDS.indexOf(version.kind as (typeof RECORD_KINDS)[number]);
    if (kind < 0 || !CANONICAL_UUID.test(version.id) || !/^[0-9a-f]{64}$/.test(version.hash)) {
      this.odd.set(this.count++, version);
      return;
    }
    const at = (this.count % BLOCK_ENTRIES) * ENTRY;
    const blockIndex = Math.floor(this.count / BLOCK_ENTRIES);
    while (this.blocks.length <= blockIndex) this.blocks.push(Buffer.alloc(BLOCK_ENTRIES * ENTRY));
    const block = this.blocks[blockIndex]!;
    block[at] = kind;
    block.write(version.id.replaceAll('-', ''), at + 1, 16, 'hex');
    block.write(version.hash, at + 17, 32, 'hex');
    this.count += 1;
  }

  /** The versions in the order added, `size` at a time. */
  *batches(size: number): Generator<SharedVersion[]> {
    let batch: SharedVersion[] = [];
    for (let i = 0; i < this.count; i++) {
      batch.push(this.odd.get(i) ?? this.read(i));
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  private read(index: number): SharedVersion {
    const block = this.blocks[Math.floor(index / BLOCK_ENTRIES)]!;
    const at = (index % BLOCK_ENTRIES) * ENTRY;
    const hex = block.toString('hex', at + 1, at + 17);
    return {
      kind: RECORD_KINDS[block[at]!]!,
      id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
      hash: block.toString('hex', at + 17, at + 49),
    };
  }
}
