import { type Queryable } from '../database/sqlite';
import { type EvidenceBlob } from './exchange-records';
import { type ExportScope } from './table-records';

/**
 * How exchange reads and stores evidence content. The rows themselves (`evidence_items`,
 * without their file id and key) travel as records; the content travels once per SHA-256.
 * vault-evidence.ts is the real one, over the encrypted evidence folder.
 */
export interface ExchangeEvidence {
  /** One blob per distinct content in scope, read by the export's feed thread. */
  list(db: Queryable, scope: ExportScope): Promise<EvidenceBlob[]>;
  /** Where an import encrypts incoming content, each item under a fresh key of its own. */
  folder: string;
  /** Remove stored files whose rows were never written (an import that failed or was undone). */
  remove(fileIds: readonly string[]): Promise<void>;
}
