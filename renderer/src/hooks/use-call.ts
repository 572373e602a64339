import { useCallback, useState } from 'react';
import { type AppError } from '../../../shared/errors';
import { toAppError } from '../ipc/client';

/**
 * Run one call at a time for a form: tracks pending state and the last error (as an `AppError`,
 * whatever was thrown), and returns the value or `undefined` on failure.
 */
export function useCall(): {
  pending: boolean;
  error: AppError | null;
  setError: (error: AppError | null) => void;
  run: <T>(
    work: () => Promise<T>,
  ) => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>;
} {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>) => {
    setPending(true);
    setError(null);
    try {
      const value = await work();
      return { ok: true as const, value };
    } catch (thrown) {
      const appError = toAppError(thrown);
      setError(appError);
      return { ok: false as const, error: appError };
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, setError, run };
}
