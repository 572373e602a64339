import { evidenceDir, evidenceFile, removeEvidenceFiles } from '../evidence/evidence-paths';
import { type ExchangeEvidence } from './exchange-evidence';
import { scopedEvidenceRows } from './evidence-records';

/** The exchange's view of the vault's evidence folder (docs/evidence-storage.md). */
export function vaultEvidence(dataDir: string): ExchangeEvidence {
  return {
    async list(db, scope) {
      const rows = await scopedEvidenceRows(db, scope);
      // Same content attached twice travels once: the archive names evidence by its hash.
      const bySha = new Map(rows.map((row) => [row.sha256, row]));
      return [...bySha.values()].map((row) => ({
        sha256: row.sha256,
        size: row.size,
        source: {
          kind: 'vault' as const,
          path: evidenceFile(dataDir, row.fileId),
          fileId: row.fileId,
          key: row.fileKey,
          size: row.size,
        },
      }));
    },
    folder: evidenceDir(dataDir),
    remove: (fileIds) => removeEvidenceFiles(dataDir, fileIds),
  };
}
