import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/database/open-database';
import { type Database } from '../../../electron/database/sqlite';
import {
  deletedSinceExchange,
  type DeletedRecord,
} from '../../../electron/exchange/deletion-notices';
import {
  exchangeRecordSchema,
  type ExchangeRecord,
} from '../../../electron/exchange/exchange-records';
import { classifyAll } from '../../../electron/exchange/merge';
import { mergeFile, noteSent, noticesOf } from '../../../electron/exchange/merge-file';
import { scopedRecords } from '../../../electron/exchange/table-records';
import { versionedRecords } from '../../../electron/exchange/versioned-records';
import { fingerprintOf } from '../../../electron/office/office-card';
import { ensureOfficeKeys } from '../../../electron/office/office-keys';
import { tempDir } from './temp-dir';

/**
 * Offices for merge properties: each a real SQLCipher database with every migration and its own
 * keys, exchanging through the same code an export and an import run (versioned-records.ts,
 * merge-file.ts) without the age file around it (exchange-format tests cover that), so that a
 * property can run hundreds of exchanges in seconds.
 */
export interface MergeOffice {
  name: string;
  db: Database;
  fingerprint: string;
}

export async function mergeOffice(name: string): Promise<MergeOffice> {
  const db = await openDatabase(join(await tempDir(), `${name}.db`), randomBytes(32));
  const keys = await db.transaction((tx) => ensureOfficeKeys(tx));
  return { name, db, fingerprint: fingerprintOf(keys) };
}

export interface MergeFile {
  sender: MergeOffice;
  recipients: readonly string[];
  records: ExchangeRecord[];
  deleted: DeletedRecord[];
  createdAt: string;
  /** Per sender, as a manifest's: a file no later than one read from its sender is replayed. */
  sequence: number;
}

const sent = new WeakMap<MergeOffice, number>();
const lastRead = new WeakMap<MergeOffice, Map<string, number>>();

/** Whether `file` is no later than one `office` already read from its sender (import-session.ts). */
export function replayedAt(office: MergeOffice, file: MergeFile): boolean {
  return file.sequence <= (lastRead.get(office)?.get(file.sender.fingerprint) ?? 0);
}

/** What `from` exports of these cases to `to` (as a file's JSON lines, parsed back). */
export async function exportCases(
  from: MergeOffice,
  to: readonly MergeOffice[],
  caseIds: readonly string[],
): Promise<MergeFile> {
  const offices = to.map((o) => o.fingerprint);
  const deleted = await deletedSinceExchange(from.db, offices);
  const exported: { kind: string; id: string; hash: string }[] = [];
  const records: ExchangeRecord[] = [];
  const scope = { caseIds };
  for await (const { record, hash } of versionedRecords(
    from.db,
    scopedRecords(from.db, scope),
    from.fingerprint,
  )) {
    exported.push({ kind: record.kind, id: record.id, hash });
    records.push(exchangeRecordSchema.parse(JSON.parse(JSON.stringify(record))));
  }
  await from.db.transaction((tx) => noteSent(tx, offices, exported, deleted));
  const sequence = (sent.get(from) ?? 0) + 1;
  sent.set(from, sequence);
  return {
    sequence,
    sender: from,
    recipients: offices,
    records,
    deleted,
    createdAt: new Date().toISOString(),
  };
}

/** What reading `file` at `office` would say, record by record (the preview). */
export async function previewAt(office: MergeOffice, file: MergeFile) {
  return classifyAll(office.db, file.sender.fingerprint, file.records, {
    replayed: replayedAt(office, file),
  });
}

/** `file` imported at `office`, as applying an import does it. */
export async function importAt(office: MergeOffice, file: MergeFile) {
  const replayed = replayedAt(office, file);
  const origin = {
    office: file.sender.fingerprint,
    officeName: file.sender.name,
    exportedAt: file.createdAt,
    importId: randomUUID(),
    at: new Date().toISOString(),
  };
  const merged = await office.db.transaction((tx) =>
    mergeFile(tx, file.records, noticesOf(file.deleted, replayed), origin, undefined, {
      replayed,
    }),
  );
  if (!replayed) {
    const read = lastRead.get(office) ?? new Map<string, number>();
    read.set(file.sender.fingerprint, file.sequence);
    lastRead.set(office, read);
  }
  return merged;
}
