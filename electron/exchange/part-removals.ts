import { type Queryable } from '../database/sqlite';
import { type DeletedRecord } from './deletion-notices';
import { recordHash } from './exchange-records';
import { isNoticeKind, isPartKind, PART_KINDS, type PartKind } from './manifest';
import { dropBase, readBase } from './merge';
import { settleConflicts } from './pending-conflicts';
import { knownVersion, localVector, writeKnown } from './record-bookkeeping';
import { ownFingerprint, readRecord } from './table-records';
import { knownBy } from './version-vectors';

/**
 * Parts of a case (or of a person's or collective's file) that the sender removed since it last
 * exchanged them with us: an aggression, a perpetrator replaced by an edit, a note, a threat…
 * Removing one is an edit of the whole, so it is carried out here too, but only where nothing
 * changed here since: a part someone here changed (or added to) since stays, and is counted.
 */
export interface PartRemovals {
  /** Unchanged here since: removed here too, with whatever hangs from them. */
  remove: DeletedRecord[];
  /** Changed here since: kept. */
  kept: DeletedRecord[];
}

/** The case, person or collective each kind of part belongs to. */
const OWNER_SQL: Record<PartKind, string> = {
  consents: 'SELECT person_id AS a, collective_id AS b FROM consents WHERE id = ?',
  aggressions: 'SELECT case_id AS a, NULL AS b FROM aggressions WHERE id = ?',
  aggression_victims: `SELECT g.case_id AS a, NULL AS b FROM aggression_victims x
    JOIN aggressions g ON g.id = x.aggression_id WHERE x.id = ?`,
  perpetrators: `SELECT g.case_id AS a, NULL AS b FROM perpetrators x
    JOIN aggressions g ON g.id = x.aggression_id WHERE x.id = ?`,
  sources: 'SELECT case_id AS a, NULL AS b FROM sources WHERE id = ?',
  responses: 'SELECT case_id AS a, NULL AS b FROM responses WHERE id = ?',
  case_notes: 'SELECT case_id AS a, NULL AS b FROM case_notes WHERE id = ?',
  risk_assessments: 'SELECT person_id AS a, collective_id AS b FROM risk_assessments WHERE id = ?',
  risk_threats: `SELECT r.person_id AS a, r.collective_id AS b FROM risk_threats x
    JOIN risk_assessments r ON r.id = x.assessment_id WHERE x.id = ?`,
  risk_factors: `SELECT r.person_id AS a, r.collective_id AS b FROM risk_factors x
    JOIN risk_assessments r ON r.id = x.assessment_id WHERE x.id = ?`,
  protection_measures: `SELECT r.person_id AS a, r.collective_id AS b FROM protection_measures x
    JOIN risk_assessments r ON r.id = x.assessment_id WHERE x.id = ?`,
};

/** Parts that hang from another part, and go with it (ON DELETE CASCADE). */
const PARENTS: Partial<Record<PartKind, { kind: PartKind; column: string }>> = {
  aggression_victims: { kind: 'aggressions', column: 'aggression_id' },
  perpetrators: { kind: 'aggressions', column: 'aggression_id' },
  risk_threats: { kind: 'risk_assessments', column: 'assessment_id' },
  risk_factors: { kind: 'risk_assessments', column: 'assessment_id' },
  protection_measures: { kind: 'risk_assessments', column: 'assessment_id' },
};

interface Listed {
  kind: PartKind;
  unchanged: boolean;
  parent: string | null;
}

/**
 * Sort an incoming file's removals. Ignored: parts this office does not hold, or never exchanged
 * with the sender, and parts of a case, person or collective the same file says was deleted
 * whole (that copy stays whole, with its notice).
 */
export async function sortRemovals(
  db: Queryable,
  deleted: readonly DeletedRecord[],
  sender: string,
): Promise<PartRemovals> {
  const wholes = new Set(deleted.filter((d) => isNoticeKind(d.kind)).map((d) => d.id));
  // Parents before children (PART_KINDS' order), as the decisions below need.
  const listed = new Map<string, Listed>();
  const own = await ownFingerprint(db);
  for (const kind of PART_KINDS) {
    for (const { id, v } of deleted.filter((d) => d.kind === kind)) {
      const local = await readRecord(db, kind, id);
      const base = local && (await readBase(db, sender, kind, id));
      if (!local || !base) continue;
      // From history when both have one: unchanged here since the version they deleted.
      const ours = localVector(recordHash(local), await knownVersion(db, kind, id), own);
      const owners = await db.get(OWNER_SQL[kind], [id]);
      if (owners && [owners['a'], owners['b']].some((o) => wholes.has(String(o)))) continue;
      const parentColumn = PARENTS[kind]?.column;
      const parent = parentColumn ? local.data[parentColumn] : null;
      listed.set(id, {
        kind,
        unchanged: v && ours ? knownBy(ours, v) : recordHash(local) === base,
        parent: typeof parent === 'string' ? parent : null,
      });
    }
  }
  const removals: PartRemovals = { remove: [], kept: [] };
  const decided = new Map<string, 'remove' | 'keep'>();
  for (const [id, part] of listed) {
    // A part whose parent is decided goes or stays with it, uncounted.
    const withParent = part.parent === null ? undefined : decided.get(part.parent);
    if (withParent) {
      decided.set(id, withParent);
      continue;
    }
    const remove = part.unchanged && (await childrenUnchanged(db, part.kind, id, listed));
    decided.set(id, remove ? 'remove' : 'keep');
    (remove ? removals.remove : removals.kept).push({ kind: part.kind, id });
  }
  return removals;
}

/** Every part hanging from this one is removed there too, and unchanged here. */
async function childrenUnchanged(
  db: Queryable,
  kind: PartKind,
  id: string,
  listed: ReadonlyMap<string, Listed>,
): Promise<boolean> {
  for (const [child, parent] of Object.entries(PARENTS)) {
    if (parent.kind !== kind) continue;
    // `child` and the column come from PARENTS: fixed names.
    const rows = await db.all(`SELECT id FROM ${child} WHERE ${parent.column} = ?`, [id]);
    if (rows.some((row) => listed.get(String(row['id']))?.unchanged !== true)) return false;
  }
  return true;
}

/**
 * Carry out the removals in the import's transaction. The sender no longer holds any part it
 * listed, so none of them has a common base with it any more, and a conflict with its version
 * of one has nothing left to choose: it is settled. Answers how many conflicts were.
 */
export async function applyRemovals(
  tx: Queryable,
  removals: PartRemovals,
  deleted: readonly DeletedRecord[],
  origin: { office: string; at: string },
): Promise<number> {
  const told = new Map(deleted.map((d) => [`${d.kind}/${d.id}`, d.v]));
  for (const { kind, id } of removals.remove) {
    // `kind` is one of PART_KINDS (the manifest's schema): a table name.
    await tx.run(`DELETE FROM ${kind} WHERE id = ?`, [id]);
    // Deleted here as of their deletion: an older version sent later stays out.
    const v = told.get(`${kind}/${id}`);
    if (v) await writeKnown(tx, [{ kind, id, hash: null, vector: v }]);
  }
  let settled = 0;
  for (const part of deleted) {
    if (!isPartKind(part.kind)) continue;
    await dropBase(tx, origin.office, part.kind, part.id);
    settled += await settleConflicts(tx, part, origin);
  }
  return settled;
}
