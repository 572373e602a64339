import { useEffect, useState } from 'react';
import { type AggressionType, type DatePrecision } from '../../../shared/vocabularies/aggression';
import { type AppError } from '../../../shared/errors';
import { call, toAppError } from '../ipc/client';
import { type RiskSubject } from './risk-values';

/** An aggression a threat can be linked to: date and types only, never the narrative. */
export interface AggressionOption {
  id: string;
  occurredOn: string;
  datePrecision: DatePrecision;
  types: AggressionType[];
}

/** How many of her cases are opened to find her aggressions (most recent aggression first). */
const CASES_MAX = 100;

/**
 * The aggressions where the assessed defender or collective is a victim, newest first: their
 * cases (`cases.list` filtered by person or collective), each opened to keep only the aggressions
 * naming them.
 */
export function useSubjectAggressions(subject: RiskSubject | null): {
  options: AggressionOption[] | null;
  error: AppError | null;
} {
  const [options, setOptions] = useState<AggressionOption[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const kind = subject?.kind ?? null;
  const id = subject?.id ?? null;
  useEffect(() => {
    if (kind === null || id === null) return undefined;
    let active = true;
    const filter = kind === 'person' ? { personId: id } : { collectiveId: id };
    const names = (victim: { personId: string | null; collectiveId: string | null }) =>
      kind === 'person' ? victim.personId === id : victim.collectiveId === id;
    call('cases.list', {
      ...filter,
      sort: 'last_aggression',
      direction: 'desc',
      limit: CASES_MAX,
      offset: 0,
    })
      .then((found) => Promise.all(found.rows.map((row) => call('cases.get', { id: row.id }))))
      .then(
        (cases) => {
          if (!active) return;
          const list = cases
            .flatMap((detail) => detail.aggressions)
            .filter((aggression) => aggression.victims.some(names))
            .map(({ id: aggressionId, occurredOn, datePrecision, types }) => ({
              id: aggressionId,
              occurredOn,
              datePrecision,
              types,
            }))
            .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
          setOptions(list);
        },
        (thrown: unknown) => {
          if (active) setError(toAppError(thrown));
        },
      );
    return () => {
      active = false;
    };
  }, [kind, id]);
  return { options: id === null ? [] : options, error };
}
