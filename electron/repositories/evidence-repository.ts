import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  custodyEntrySchema,
  evidenceItemSchema,
  type CustodyEntry,
  type EvidenceItem,
} from '../../shared/contract/evidence';
import { AppFailure } from '../../shared/errors';
import { type CustodyAction } from '../../shared/vocabularies';
import { type Queryable } from '../database/sqlite';
import { fromRow, insertRow, withForeignKeys } from './sql-rows';

const ITEM_COLUMNS = `id, case_id, original_name, media_type, size, sha256, description, added_by,
  created_at, updated_at`;

export interface NewEvidence {
  caseId: string;
  fileId: string;
  fileKey: Buffer;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  description: string;
  addedBy: string;
}

export async function insertEvidence(
  tx: Queryable,
  item: NewEvidence,
  at = new Date().toISOString(),
): Promise<string> {
  const id = randomUUID();
  await withForeignKeys('not_found', () =>
    insertRow(tx, 'evidence_items', {
      id,
      case_id: item.caseId,
      file_id: item.fileId,
      file_key: item.fileKey,
      original_name: item.originalName,
      media_type: item.mediaType,
      size: item.size,
      sha256: item.sha256,
      description: item.description,
      added_by: item.addedBy,
      created_at: at,
      updated_at: at,
    }),
  );
  return id;
}

export async function getEvidence(db: Queryable, id: string): Promise<EvidenceItem> {
  const row = await db.get(`SELECT ${ITEM_COLUMNS} FROM evidence_items WHERE id = ?`, [id]);
  if (!row) throw new AppFailure('not_found');
  return evidenceItemSchema.parse(fromRow(row));
}

/** What decrypting needs: the file's id, its key and the hash recorded at intake. */
export async function getEvidenceSecret(db: Queryable, id: string) {
  const row = await db.get('SELECT file_id, file_key, sha256 FROM evidence_items WHERE id = ?', [
    id,
  ]);
  if (!row || !Buffer.isBuffer(row['file_key'])) throw new AppFailure('not_found');
  return {
    fileId: String(row['file_id']),
    fileKey: row['file_key'],
    sha256: String(row['sha256']),
  };
}

export async function listEvidence(db: Queryable, caseId: string): Promise<EvidenceItem[]> {
  const rows = await db.all(
    `SELECT ${ITEM_COLUMNS} FROM evidence_items WHERE case_id = ? ORDER BY created_at, id`,
    [caseId],
  );
  return z.array(evidenceItemSchema).parse(rows.map((r) => fromRow(r)));
}

export async function allEvidenceFileIds(db: Queryable): Promise<Set<string>> {
  const rows = await db.all('SELECT file_id FROM evidence_items');
  return new Set(rows.map((r) => String(r['file_id'])));
}

/** Deleting the row destroys the only copy of the key (secure_delete overwrites the page). */
export async function deleteEvidence(
  tx: Queryable,
  id: string,
): Promise<{ fileId: string; caseId: string }> {
  const row = await tx.get('SELECT file_id, case_id FROM evidence_items WHERE id = ?', [id]);
  if (!row) throw new AppFailure('not_found');
  await tx.run('DELETE FROM evidence_items WHERE id = ?', [id]);
  return { fileId: String(row['file_id']), caseId: String(row['case_id']) };
}

export async function addCustody(
  tx: Queryable,
  entry: {
    evidenceId: string;
    action: CustodyAction;
    actor: string;
    hashOk: boolean;
    sha256: string | null;
    counterpart?: string;
  },
  at = new Date().toISOString(),
): Promise<void> {
  await insertRow(tx, 'evidence_custody', {
    id: randomUUID(),
    evidence_id: entry.evidenceId,
    action: entry.action,
    actor: entry.actor,
    at,
    hash_ok: entry.hashOk ? 1 : 0,
    sha256: entry.sha256,
    counterpart: entry.counterpart ?? null,
    created_at: at,
    updated_at: at,
  });
}

export async function listCustody(db: Queryable, evidenceId: string): Promise<CustodyEntry[]> {
  const rows = await db.all(
    `SELECT c.id, c.evidence_id, c.action, c.actor, c.at, c.hash_ok, c.sha256, c.counterpart,
            c.office, p.name AS office_name
       FROM evidence_custody c LEFT JOIN partners p ON p.fingerprint = c.office
      WHERE c.evidence_id = ? ORDER BY c.at, c.rowid`,
    [evidenceId],
  );
  return z.array(custodyEntrySchema).parse(
    rows.map(({ office, office_name: name, ...row }) => ({
      ...fromRow(row, { booleans: ['hash_ok'] }),
      office: office === null ? null : { name: name ?? null },
    })),
  );
}
