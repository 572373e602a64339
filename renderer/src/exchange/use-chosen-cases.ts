import { useState } from 'react';
import { type Choice } from './ChoiceFields';
import { type CaseMatches } from './use-case-matches';

/**
 * The ticked cases that the current results do not show, with their titles, so a case chosen
 * under one search stays listed (and can be unticked) under the next. Titles are remembered
 * when a case is ticked. A case unticked from that list stays there, unticked, until the
 * results change: a row must not vanish from under the keyboard focus.
 */
export function useChosenCases(found: CaseMatches | null, chosen: readonly string[]) {
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [unticked, setUnticked] = useState<{ under: CaseMatches | null; ids: string[] }>({
    under: null,
    ids: [],
  });
  const shown = new Set(found?.matches.map((match) => match.id) ?? []);
  const lingering = unticked.under === found ? unticked.ids : [];
  const listed = (id: string) => !shown.has(id) && (chosen.includes(id) || lingering.includes(id));
  const others: Choice[] = [
    ...[...titles].filter(([id]) => listed(id)).map(([id, label]) => ({ id, label })),
    // Never the case (every tick comes from a listed row), but nothing chosen may go unseen.
    ...chosen.filter((id) => !titles.has(id) && listed(id)).map((id) => ({ id, label: id })),
  ];

  /** Call with the group's new value before handing it to the form. */
  const noteChange = (next: readonly string[]) => {
    const added = (found?.matches ?? []).filter(
      (match) => next.includes(match.id) && !titles.has(match.id),
    );
    if (added.length > 0) {
      setTitles((known) => new Map([...known, ...added.map((m) => [m.id, m.label] as const)]));
    }
    const dropped = others
      .filter((other) => chosen.includes(other.id) && !next.includes(other.id))
      .map((other) => other.id);
    if (dropped.length > 0) setUnticked({ under: found, ids: [...lingering, ...dropped] });
  };

  return { others, noteChange };
}
