import { z } from 'zod';
import { timelineEntrySchema, type TimelineEntry } from '../../shared/contract/cases';
import { type Queryable } from '../database/sqlite';

/**
 * Aggressions, responses and notes of one case in one chronology (oldest first). Aggressions
 * sort by when they happened, responses by when they were done, notes by when they were written.
 */
export async function caseTimeline(db: Queryable, caseId: string): Promise<TimelineEntry[]> {
  const [acts, types, responses, notes] = await Promise.all([
    db.all(
      'SELECT id, occurred_on, date_precision, narrative, created_at FROM aggressions WHERE case_id = ?',
      [caseId],
    ),
    db.all(
      `SELECT t.aggression_id, t.code FROM aggression_types t
       JOIN aggressions a ON a.id = t.aggression_id WHERE a.case_id = ?`,
      [caseId],
    ),
    db.all(
      `SELECT id, type, done_on, responsible, outcome, follow_up_on, created_at
       FROM responses WHERE case_id = ?`,
      [caseId],
    ),
    db.all('SELECT id, body, author, created_at FROM case_notes WHERE case_id = ?', [caseId]),
  ]);
  // Built loosely here, checked whole by the schema below (codes included).
  const entries: { date: string; tiebreak: string; entry: Record<string, unknown> }[] = [
    ...acts.map((a) => ({
      date: String(a['occurred_on']),
      tiebreak: String(a['created_at']),
      entry: {
        kind: 'aggression',
        id: a['id'],
        date: a['occurred_on'],
        datePrecision: a['date_precision'],
        types: types.filter((t) => t['aggression_id'] === a['id']).map((t) => t['code']),
        narrative: a['narrative'],
      },
    })),
    ...responses.map((r) => ({
      date: String(r['done_on']),
      tiebreak: String(r['created_at']),
      entry: {
        kind: 'response',
        id: r['id'],
        date: r['done_on'],
        type: r['type'],
        responsible: r['responsible'],
        outcome: r['outcome'],
        followUpOn: r['follow_up_on'],
      },
    })),
    ...notes.map((n) => ({
      date: String(n['created_at']),
      tiebreak: String(n['created_at']),
      entry: {
        kind: 'note',
        id: n['id'],
        date: n['created_at'],
        body: n['body'],
        author: n['author'],
      },
    })),
  ];
  entries.sort((x, y) => x.date.localeCompare(y.date) || x.tiebreak.localeCompare(y.tiebreak));
  return z.array(timelineEntrySchema).parse(entries.map((e) => e.entry));
}
