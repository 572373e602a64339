import { useCallback, useState } from 'react';
import { useCountdown } from './use-countdown';

export interface RetryWait {
  seconds: number;
  hadWait: boolean;
  startWait: (ms: number | undefined) => void;
}

/** The wait main imposes between attempts (`retryAfterMs`), as a live countdown. */
export function useRetryWait(initialMs: number): RetryWait {
  const [wait, setWait] = useState(() => {
    const since = Date.now();
    return { since, until: since + initialMs };
  });
  const seconds = useCountdown(wait.until, wait.since);
  const startWait = useCallback((ms: number | undefined) => {
    if (ms === undefined || ms <= 0) return;
    const since = Date.now();
    setWait({ since, until: since + ms });
  }, []);
  return { seconds, hadWait: wait.until > wait.since, startWait };
}
