import { useCallback, useEffect, useState } from 'react';
import { type CaseDetail } from '../../../shared/contract/cases';
import { type AppError } from '../../../shared/errors';
import { call, toAppError } from '../ipc/client';

/** One case, whole; `reload` after a change made elsewhere on the page. */
export function useCase(id: string): {
  detail: CaseDetail | null;
  error: AppError | null;
  reload: () => Promise<void>;
} {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const reload = useCallback(
    () =>
      call('cases.get', { id }).then(
        (found) => {
          setDetail(found);
          setError(null);
        },
        (thrown: unknown) => setError(toAppError(thrown)),
      ),
    [id],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { detail, error, reload };
}
