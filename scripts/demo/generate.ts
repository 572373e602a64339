import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { custodyAction } from '../../shared/vocabularies';
import { appendAudit } from '../../electron/audit/audit-log';
import { type Database } from '../../electron/database/sqlite';
import { storeEvidence } from '../../electron/evidence/evidence-store';
import { addCustody, insertEvidence } from '../../electron/repositories/evidence-repository';
import { RowBuffer } from './bulk-insert';
import { addCase, addCollective, addPerson, type Pools } from './case-rows';
import { seededRandom } from './random';
import { writeDemoRisk } from './risk-rows';

export interface DemoOptions {
  cases: number;
  /** Folder of the vault: small evidence files are written to its evidence/ folder. */
  dataDir: string;
  seed?: number;
  batchSize?: number;
  actor?: string;
  onProgress?: (casesWritten: number) => void;
}

/** A 1×1 PNG: a real image for the preview, tiny. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Write a fictional, realistic data set in batched transactions, with the repositories' column
 * mapping and one statement per table per batch (see bulk-insert.ts). Every code of every
 * vocabulary appears once `cases` ≥ 50.
 */
export async function writeDemoData(db: Database, options: DemoOptions): Promise<Pools> {
  const random = seededRandom(options.seed ?? 2026);
  const batch = options.batchSize ?? 1000;
  const actor = options.actor ?? 'Datos de demostración';
  const pools: Pools = { people: [], collectives: [] };
  const collectiveCount = Math.max(16, Math.ceil(options.cases / 40));
  const peopleCount = Math.max(40, Math.ceil(options.cases / 4));
  const rows = new RowBuffer();

  for (let i = 0; i < collectiveCount; i++) pools.collectives.push(addCollective(rows, random, i));
  await db.transaction((tx) => rows.flush(tx));
  for (let start = 0; start < peopleCount; start += batch * 4) {
    const end = Math.min(peopleCount, start + batch * 4);
    for (let i = start; i < end; i++) addPerson(rows, random, i, pools, actor);
    await db.transaction((tx) => rows.flush(tx));
  }
  for (let start = 0; start < options.cases; start += batch) {
    const end = Math.min(options.cases, start + batch);
    for (let i = start; i < end; i++) addCase(rows, random, i, pools, actor);
    await db.transaction(async (tx) => {
      await rows.flush(tx);
      await appendAudit(tx, {
        actor,
        action: 'demo_data',
        entity: 'vault',
        changes: { set: { cases: end - start } },
      });
    });
    options.onProgress?.(end);
  }
  await writeDemoRisk(db, pools, { seed: (options.seed ?? 2026) + 1, actor });
  await demoEvidence(db, options.dataDir, Math.min(5, options.cases), actor);
  return pools;
}

/**
 * A few small files, encrypted like real evidence (through the repository, as the app does),
 * with every kind of custody entry on the first.
 */
async function demoEvidence(db: Database, dataDir: string, count: number, actor: string) {
  const cases = await db.all('SELECT id FROM cases ORDER BY created_at LIMIT ?', [count]);
  const folder = await mkdtemp(join(tmpdir(), 'resguardo-demo-'));
  try {
    for (const [k, row] of cases.entries()) {
      const isImage = k % 2 === 0;
      const name = isImage ? `captura-${k + 1}.png` : `acta-${k + 1}.txt`;
      const source = join(folder, name);
      await writeFile(source, isImage ? PNG : `Acta de hechos número ${k + 1} (ficticia).\n`);
      const stored = await storeEvidence(dataDir, source);
      await db.transaction(async (tx) => {
        const evidenceId = await insertEvidence(tx, {
          caseId: String(row['id']),
          fileId: stored.fileId,
          fileKey: stored.fileKey,
          originalName: name,
          mediaType: isImage ? 'image/png' : 'text/plain',
          size: stored.size,
          sha256: stored.sha256,
          description: 'Archivo de demostración',
          addedBy: actor,
        });
        const actions = k === 0 ? custodyAction.codes : (['intake'] as const);
        for (const action of actions) {
          await addCustody(tx, { evidenceId, action, actor, hashOk: true, sha256: stored.sha256 });
        }
      });
      stored.fileKey.fill(0);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
