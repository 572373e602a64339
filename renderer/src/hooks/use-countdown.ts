import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `until` (a `Date.now()` timestamp), ticking while above zero.
 * `since` is when the wait was set: the clock never reads earlier than that, so a new wait does
 * not flash a huge number before the first tick.
 */
export function useCountdown(until: number, since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return undefined;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - Math.max(now, since)) / 1000));
}
