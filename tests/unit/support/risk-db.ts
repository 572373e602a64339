import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type AssessmentFields } from '../../../shared/contract/risk';
import { openDatabase } from '../../../electron/database/open-database';
import { type Database } from '../../../electron/database/sqlite';
import { insertCollective } from '../../../electron/repositories/collective-repository';
import { insertPerson } from '../../../electron/repositories/people-repository';
import { personSample } from './record-samples';
import { assessmentSample, threatSample } from './risk-samples';
import { tempDir } from './temp-dir';

/**
 * A real SQLCipher database with every migration, without a vault: for repository tests that
 * must choose "today" themselves (the operations always use the real date).
 */
export async function openRiskDatabase(): Promise<Database> {
  return openDatabase(join(await tempDir(), 'risk.db'), randomBytes(32));
}

export async function addPerson(db: Database, name: string): Promise<string> {
  return db.transaction((tx) => insertPerson(tx, { ...personSample, name }));
}

export async function addCollective(db: Database, name: string): Promise<string> {
  return db.transaction((tx) =>
    insertCollective(tx, {
      name,
      kind: 'collective',
      country: 'GT',
      department: null,
      municipality: null,
      rightsDefended: [],
      description: '',
      confidentiality: 'internal',
    }),
  );
}

/**
 * Assessment fields whose computed level is known by hand: with one vulnerability and one
 * capacity both rated 2 (V = C), the score is the threat priority ÷ 25 —
 * 1×1 → 0.04 low, 2×3 → 0.24 medium, 4×4 → 0.64 high, 5×5 → 1 extreme.
 */
export function fieldsAt(
  assessedOn: string,
  threat: { likelihood: number; impact: number },
  extra: Partial<AssessmentFields> = {},
): AssessmentFields {
  const { personId: _p, collectiveId: _c, ...fields } = assessmentSample;
  return {
    ...fields,
    assessedOn,
    threats: [{ ...threatSample, ...threat }],
    vulnerabilities: [{ area: 'economic', description: '', rating: 2 }],
    capacities: [{ area: 'economic', description: '', rating: 2 }],
    ...extra,
  };
}
