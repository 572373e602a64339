import { useEffect, useState } from 'react';
import { type AppError } from '../../../shared/errors';
import { call, toAppError } from '../ipc/client';
import { type Choice } from './ChoiceFields';

/** How many cases the list shows at once: enough to scan, few enough to tick by keyboard. */
export const SHOWN = 50;

export interface CaseMatches {
  /** The query these results answer (trimmed); '' for the most recently changed cases. */
  query: string;
  matches: Choice[];
  /** More cases match than are shown. */
  more: boolean;
  /** Every case there is, when `query` is '' (search gives no total). */
  total: number | null;
}

async function fetchMatches(query: string): Promise<CaseMatches> {
  if (query === '') {
    const page = await call('cases.list', {
      sort: 'updated_at',
      direction: 'desc',
      limit: SHOWN,
      offset: 0,
    });
    const matches = page.rows.map((row) => ({ id: row.id, label: row.title }));
    return { query, matches, more: page.hasMore, total: page.total };
  }
  // Full-text search over titles, tags, places, names, narratives and notes; one more than
  // shown says whether there are more.
  const found = await call('cases.search', { query, limit: SHOWN + 1 });
  const matches = found.slice(0, SHOWN).map((hit) => ({ id: hit.case.id, label: hit.case.title }));
  return { query, matches, more: found.length > SHOWN, total: null };
}

/**
 * The cases an export can choose from for a (settled) search text: the most recently changed
 * when it is empty, else the matches. A reply to an older text is dropped when a newer one was
 * asked for; `found` stays on the last answer meanwhile, so the list does not flicker.
 */
export function useCaseMatches(text: string): {
  found: CaseMatches | null;
  error: AppError | null;
} {
  const [found, setFound] = useState<CaseMatches | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const query = text.trim();
  useEffect(() => {
    let live = true;
    fetchMatches(query).then(
      (result) => {
        if (!live) return;
        setFound(result);
        setError(null);
      },
      (thrown: unknown) => live && setError(toAppError(thrown)),
    );
    return () => {
      live = false;
    };
  }, [query]);
  return { found, error };
}
