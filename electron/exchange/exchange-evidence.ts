import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { type EvidenceBlob } from './exchange-records';
import { type ExportScope } from './table-records';

/**
 * How exchange reads and stores evidence files, by SHA-256. The evidence store
 * (electron/evidence) is still being built with a file-path API; the adapter from it to this
 * interface is the remaining wiring. Until then `noEvidence` exports none and refuses to import
 * files that carry evidence, rather than dropping them silently.
 */
export interface ExchangeEvidence {
  list(db: Queryable, scope: ExportScope): Promise<EvidenceBlob[]>;
  has(db: Queryable, sha256: string): Promise<boolean>;
  /** Store the content; returns how to remove it again if the import transaction fails. */
  put(
    sha256: string,
    size: number,
    content: AsyncIterable<Uint8Array>,
  ): Promise<() => Promise<void>>;
}

export const noEvidence: ExchangeEvidence = {
  list: async () => [],
  has: async () => false,
  put: async () => {
    throw new AppFailure('internal');
  },
};
