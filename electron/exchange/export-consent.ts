import { createHash } from 'node:crypto';
import { type ConsentGap } from '../../shared/contract/dossiers';
import { consentSchema } from '../../shared/contract/people';
import { type Queryable, type Row } from '../database/sqlite';
import { consentGaps, type Named } from '../dossiers/consent-gate';
import { fromRow } from '../repositories/sql-rows';
import { scopedRows, type ExportScope } from './table-records';

/** How many gaps a check lists by name (all of them count, and all must be accepted). */
const LISTED = 200;

export interface ExportConsentCheck {
  people: number;
  collectives: number;
  /** The first of them, by name: the user is told who. */
  gaps: ConsentGap[];
  gapCount: number;
  /** Names exactly these gaps: the export goes only if the user accepted this very list. */
  token: string | null;
}

/**
 * Who an export to partner offices would hand over without their consent. Records travel whole
 * — names, contacts, narratives — so each person and collective in it needs an unrevoked
 * consent to share with allied organizations that allows being named (DOMAIN.md: a new use
 * needs new consent). A file under a passphrase is the office's own copy: not checked. Those
 * going back to the one office they came from are not counted (`returningTo`).
 */
export async function checkExportConsent(
  db: Queryable,
  scope: ExportScope,
  partners: readonly string[] = [],
): Promise<ExportConsentCheck> {
  const returning = await returningTo(db, partners);
  const goesFurther = (kind: 'people' | 'collectives') => (row: Row) =>
    !returning.has(`${kind}:${String(row['id'])}`);
  const allPeople = await scopedRows(db, 'people', scope, 'id, name, pseudonym');
  const allCollectives = await scopedRows(db, 'collectives', scope, 'id, name');
  const people = allPeople.filter(goesFurther('people'));
  const collectives = allCollectives.filter(goesFurther('collectives'));
  const consents = (await scopedRows(db, 'consents', scope)).map((row) =>
    consentSchema.parse(fromRow(row)),
  );
  const named: Named[] = [
    ...people.map((p): Named => ({
      kind: 'person',
      id: String(p['id']),
      label: String(p['name'] ?? p['pseudonym'] ?? ''),
      shownAs: 'name',
    })),
    ...collectives.map((c): Named => ({
      kind: 'collective',
      id: String(c['id']),
      label: String(c['name']),
      shownAs: 'name',
    })),
  ];
  const gaps = consentGaps(named, consents, 'share_with_allies');
  return {
    people: allPeople.length,
    collectives: allCollectives.length,
    gaps: gaps.slice(0, LISTED),
    gapCount: gaps.length,
    token: gaps.length === 0 ? null : gapsToken(gaps),
  };
}

/**
 * People and collectives (`kind:id`) that came to us from the one office the export goes to:
 * sending them back hands that office nothing it did not hold, so it needs no consent beyond
 * the one under which it sent them. With any other office among the recipients, it does.
 */
async function returningTo(db: Queryable, partners: readonly string[]): Promise<Set<string>> {
  const offices = new Set(partners);
  if (offices.size !== 1) return new Set();
  const rows = await db.all(
    `SELECT kind, record_id FROM record_origins
      WHERE kind IN ('people', 'collectives') AND office = ?`,
    [...offices],
  );
  return new Set(rows.map((row) => `${String(row['kind'])}:${String(row['record_id'])}`));
}

function gapsToken(gaps: readonly ConsentGap[]): string {
  const names = gaps.map((gap) => `${gap.kind}:${gap.id}:${gap.reason}`).sort();
  return createHash('sha256').update(names.join('\n')).digest('hex');
}
