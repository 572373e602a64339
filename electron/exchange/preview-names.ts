import { type Queryable } from '../database/sqlite';
import { type ExchangeRecord } from './exchange-records';
import { type Classified, type Verdict } from './merge';

/** What a person sees arrive: a case, a person or a collective, with all its parts. */
export type WholeKind = 'cases' | 'people' | 'collectives';
export type Arrival = 'new' | 'updated' | 'conflicting' | 'unchanged';

export interface ArrivingWhole {
  kind: WholeKind;
  id: string;
  group: Arrival;
  /** A case's title, a collective's name; a person's name, or her pseudonym where restricted. */
  label: string;
  /** `pseudonym`: the label is one; `protected`: restricted, with no pseudonym to show. */
  shownAs: 'title' | 'name' | 'pseudonym' | 'protected';
}

/** Items listed at most (the counts cover all). */
const LISTED = 500;

/** The columns naming what a part belongs to, by its kind. */
const OWNER: Record<string, readonly string[]> = {
  aggressions: ['case_id'],
  sources: ['case_id'],
  responses: ['case_id'],
  case_notes: ['case_id'],
  evidence_items: ['case_id'],
  aggression_victims: ['aggression_id'],
  perpetrators: ['aggression_id'],
  evidence_custody: ['evidence_id'],
  consents: ['person_id', 'collective_id'],
  risk_assessments: ['person_id', 'collective_id'],
  risk_threats: ['assessment_id'],
  risk_factors: ['assessment_id'],
  protection_measures: ['assessment_id'],
};

const RANK: Record<Arrival, number> = { unchanged: 0, updated: 1, new: 2, conflicting: 3 };

function arrivalOf(verdict: Verdict, whole: boolean): Arrival {
  if (verdict === 'conflict') return 'conflicting';
  if (verdict === 'new') return whole ? 'new' : 'updated';
  if (verdict === 'update') return 'updated';
  return 'unchanged';
}

const isWhole = (kind: string): kind is WholeKind =>
  kind === 'cases' || kind === 'people' || kind === 'collectives';

/**
 * The cases, people and collectives a file brings, each grouped by what applying does to it or
 * to any of its parts (a conflict anywhere in it makes it conflicting; a new note, updated), and
 * named as the app names it: a person marked restricted here or there by her pseudonym only.
 */
export async function arrivingWholes(
  db: Queryable,
  classified: readonly Classified[],
): Promise<{ counts: Record<Arrival, number>; items: ArrivingWhole[] }> {
  const byId = new Map<string, ExchangeRecord>(classified.map((c) => [c.record.id, c.record]));
  const wholeOf = (record: ExchangeRecord, depth = 0): ExchangeRecord | null => {
    if (isWhole(record.kind)) return record;
    if (depth > 4) return null;
    for (const column of OWNER[record.kind] ?? []) {
      const owner = record.data[column];
      const parent = typeof owner === 'string' ? byId.get(owner) : undefined;
      if (parent) return wholeOf(parent, depth + 1);
    }
    return null;
  };
  const groups = new Map<string, { record: ExchangeRecord; group: Arrival }>();
  // Deleted here (not brought back): it does not arrive.
  for (const one of classified) {
    if (one.verdict === 'deleted') continue;
    const whole = wholeOf(one.record);
    if (!whole) continue;
    const arrival = arrivalOf(one.verdict, one.record === whole);
    const known = groups.get(whole.id);
    if (!known || RANK[arrival] > RANK[known.group])
      groups.set(whole.id, { record: whole, group: arrival });
  }
  const counts: Record<Arrival, number> = { new: 0, updated: 0, conflicting: 0, unchanged: 0 };
  for (const { group } of groups.values()) counts[group] += 1;
  const order = [...groups.values()].sort((a, b) => RANK[b.group] - RANK[a.group]);
  const items: ArrivingWhole[] = [];
  for (const { record, group } of order.slice(0, LISTED)) {
    items.push({
      kind: record.kind as WholeKind,
      id: record.id,
      group,
      ...(await labelOf(db, record)),
    });
  }
  return { counts, items };
}

async function labelOf(db: Queryable, record: ExchangeRecord) {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  if (record.kind === 'cases')
    return { label: text(record.data['title']), shownAs: 'title' as const };
  if (record.kind === 'collectives')
    return { label: text(record.data['name']), shownAs: 'name' as const };
  // The stricter of the two: restricted here or in the file, she is named by her pseudonym.
  const here = await db.get('SELECT confidentiality, pseudonym FROM people WHERE id = ?', [
    record.id,
  ]);
  const restricted =
    record.data['confidentiality'] === 'restricted' || here?.['confidentiality'] === 'restricted';
  const pseudonym = text(record.data['pseudonym']) || text(here?.['pseudonym']);
  const name = text(record.data['name']);
  if (!restricted && name) return { label: name, shownAs: 'name' as const };
  if (pseudonym) return { label: pseudonym, shownAs: 'pseudonym' as const };
  return { label: '', shownAs: 'protected' as const };
}
