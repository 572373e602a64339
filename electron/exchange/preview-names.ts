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

/** What naming a whole needs of its record: its kind, id and the fields its label is read from. */
function labelFields(record: ExchangeRecord): ExchangeRecord {
  const keep = ['title', 'name', 'pseudonym', 'confidentiality'];
  const data = Object.fromEntries(Object.entries(record.data).filter(([k]) => keep.includes(k)));
  return { kind: record.kind, id: record.id, data };
}

/**
 * The cases, people and collectives a file brings, tallied a batch of classified records at a
 * time (a file too large to hold is compared a records entry at a time, parents first): each is
 * grouped by what applying does to it or to any of its parts (a conflict anywhere in it makes it
 * conflicting; a new note, updated). Kept per whole: its group and what names it; per part that
 * others hang from (an aggression, an assessment), the whole it belongs to — never the records.
 */
export class ArrivingTally {
  /** A part's id → the id of the whole it belongs to (a whole's own id maps to itself). */
  private readonly wholeIds = new Map<string, string>();
  /** Each whole seen: what names it, and its group (null: deleted here, nothing of it yet). */
  private readonly groups = new Map<string, { record: ExchangeRecord; group: Arrival | null }>();

  add(classified: readonly Classified[]): void {
    const inBatch = new Map<string, ExchangeRecord>(classified.map((c) => [c.record.id, c.record]));
    const wholeIdOf = (record: ExchangeRecord, depth = 0): string | null => {
      if (isWhole(record.kind)) return record.id;
      if (depth > 4) return null;
      for (const column of OWNER[record.kind] ?? []) {
        const owner = record.data[column];
        if (typeof owner !== 'string') continue;
        const known = this.wholeIds.get(owner);
        if (known) return known;
        const parent = inBatch.get(owner);
        if (parent) return wholeIdOf(parent, depth + 1);
      }
      return null;
    };
    for (const one of classified) {
      const { record } = one;
      if (isWhole(record.kind) && !this.groups.has(record.id)) {
        this.groups.set(record.id, { record: labelFields(record), group: null });
      }
      const wholeId = wholeIdOf(record);
      if (!wholeId) continue;
      if (OWNERS.has(record.kind)) this.wholeIds.set(record.id, wholeId);
      // Deleted here (not brought back): it does not arrive.
      if (one.verdict === 'deleted') continue;
      const arrival = arrivalOf(one.verdict, record.id === wholeId);
      const known = this.groups.get(wholeId);
      if (!known) continue;
      if (known.group === null || RANK[arrival] > RANK[known.group]) known.group = arrival;
    }
  }

  async finish(
    db: Queryable,
  ): Promise<{ counts: Record<Arrival, number>; items: ArrivingWhole[] }> {
    const counts: Record<Arrival, number> = { new: 0, updated: 0, conflicting: 0, unchanged: 0 };
    const grouped: { record: ExchangeRecord; group: Arrival }[] = [];
    for (const { record, group } of this.groups.values()) {
      if (group === null) continue;
      counts[group] += 1;
      grouped.push({ record, group });
    }
    const order = grouped.sort((a, b) => RANK[b.group] - RANK[a.group]);
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
}

/** The kinds other records name as what they belong to. */
const OWNERS = new Set([
  'cases',
  'people',
  'collectives',
  'aggressions',
  'evidence_items',
  'risk_assessments',
]);

/** A whole file's records, classified at once: ArrivingTally over one batch. */
export async function arrivingWholes(
  db: Queryable,
  classified: readonly Classified[],
): Promise<{ counts: Record<Arrival, number>; items: ArrivingWhole[] }> {
  const tally = new ArrivingTally();
  tally.add(classified);
  return tally.finish(db);
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
