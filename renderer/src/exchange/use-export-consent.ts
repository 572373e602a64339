import { useEffect, useState } from 'react';
import { type Output } from '../../../shared/contract';
import { type AppError } from '../../../shared/errors';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { call, toAppError } from '../ipc/client';

export type ExportConsentCheck = Output<'exchange.exportCheck'>;
export type ExportScopeChoice = { all: true } | { caseIds: string[] } | null;

/**
 * Whose consent an export to partner offices lacks (`exchange.exportCheck`), asked again when
 * the cases and offices chosen settle or `round` changes (after main refused a list that had changed).
 * `null` while there is nothing to check or the answer is on its way.
 */
export function useExportConsent(
  scope: ExportScopeChoice,
  partners: readonly string[],
  round: number,
): { check: ExportConsentCheck | null; error: AppError | null } {
  const [answer, setAnswer] = useState<{ asked: string; check: ExportConsentCheck } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // The offices chosen count too: people going back to the one office they came from are not
  // asked about (export-consent.ts).
  const key = scope === null ? '' : `${round}:${JSON.stringify({ scope, partners })}`;
  const [settled] = useDebouncedValue(key, 250);
  useEffect(() => {
    if (settled === '') return;
    let live = true;
    const asked = JSON.parse(settled.slice(settled.indexOf(':') + 1)) as {
      scope: NonNullable<ExportScopeChoice>;
      partners: string[];
    };
    call('exchange.exportCheck', asked).then(
      (check) => {
        if (!live) return;
        setAnswer({ asked: settled, check });
        setError(null);
      },
      (thrown: unknown) => live && setError(toAppError(thrown)),
    );
    return () => {
      live = false;
    };
  }, [settled]);
  // An answer for an older choice is no answer for this one.
  return { check: answer !== null && answer.asked === key ? answer.check : null, error };
}
