import { z } from 'zod';
import {
  factorInput,
  threatAnalysis,
  threatInput,
  type FactorInput,
  type ThreatInput,
} from '../../shared/contract/risk';
import { threatPriority } from '../../shared/risk';
import { type Queryable } from '../database/sqlite';
import { syncChildRows } from './child-rows';
import { insertInto } from './risk-sql';
import { placeholders, withForeignKeys } from './sql-rows';

export type Side = 'vulnerability' | 'capacity';

const storedThreat = z.strictObject({ id: z.uuid(), ...threatInput.shape, priority: z.number() });
const storedFactor = z.strictObject({ id: z.uuid(), ...factorInput.shape });
export type StoredThreat = z.infer<typeof storedThreat>;
export type StoredFactor = z.infer<typeof storedFactor>;

/**
 * Replace the threats of an assessment (their aggression links go with them, ON DELETE CASCADE).
 * A linked aggression that does not exist is `not_found`.
 */
export async function replaceThreats(
  tx: Queryable,
  assessmentId: string,
  threats: readonly ThreatInput[],
  at: string,
): Promise<void> {
  // Ids stay stable across edits (child-rows.ts): what another office holds stays comparable.
  const wanted = threats.map((threat, position) => ({
    position,
    description: threat.description,
    perpetrator_type: threat.perpetratorType,
    means: threat.means,
    likelihood: threat.likelihood,
    impact: threat.impact,
    analysis: JSON.stringify(threat.analysis),
  }));
  const ids = await syncChildRows(tx, 'risk_threats', { assessment_id: assessmentId }, wanted, at);
  for (const [index, threat] of threats.entries()) {
    const id = ids[index]!;
    await tx.run('DELETE FROM risk_threat_aggressions WHERE threat_id = ?', [id]);
    for (const [k, aggressionId] of threat.aggressionIds.entries()) {
      await withForeignKeys('not_found', () =>
        insertInto(tx, 'risk_threat_aggressions', {
          threat_id: id,
          aggression_id: aggressionId,
          position: k,
        }),
      );
    }
  }
}

export async function replaceFactors(
  tx: Queryable,
  assessmentId: string,
  side: Side,
  factors: readonly FactorInput[],
  at: string,
): Promise<void> {
  const wanted = factors.map((factor, position) => ({
    position,
    area: factor.area,
    description: factor.description,
    rating: factor.rating,
  }));
  await syncChildRows(tx, 'risk_factors', { assessment_id: assessmentId, side }, wanted, at);
}

export async function listThreats(db: Queryable, assessmentId: string): Promise<StoredThreat[]> {
  const rows = await db.all(
    'SELECT * FROM risk_threats WHERE assessment_id = ? ORDER BY position',
    [assessmentId],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r['id']));
  const links = await db.all(
    `SELECT threat_id, aggression_id FROM risk_threat_aggressions
     WHERE threat_id IN (${placeholders(ids.length)}) ORDER BY position`,
    ids,
  );
  return rows.map((row) => {
    const threat = {
      id: row['id'],
      description: row['description'],
      perpetratorType: row['perpetrator_type'],
      means: row['means'],
      aggressionIds: links
        .filter((l) => l['threat_id'] === row['id'])
        .map((l) => l['aggression_id']),
      likelihood: row['likelihood'],
      impact: row['impact'],
      analysis: threatAnalysis.parse(JSON.parse(String(row['analysis']))),
    };
    const parsed = storedThreat.omit({ priority: true }).parse(threat);
    return { ...parsed, priority: threatPriority(parsed) };
  });
}

export async function listFactors(
  db: Queryable,
  assessmentId: string,
  side: Side,
): Promise<StoredFactor[]> {
  const rows = await db.all(
    `SELECT id, area, description, rating FROM risk_factors
     WHERE assessment_id = ? AND side = ? ORDER BY position`,
    [assessmentId, side],
  );
  return z.array(storedFactor).parse(rows);
}

/** Without ids: what a copy (re-assessment) or a recomputation starts from. */
export function threatFields({ id: _id, priority: _p, ...fields }: StoredThreat): ThreatInput {
  return fields;
}
export function factorFields({ id: _id, ...fields }: StoredFactor): FactorInput {
  return fields;
}
