import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `delayMs` (typing settles before a search runs), and a
 * way to take a value at once (Enter in a search box need not wait).
 */
export function useDebouncedValue<T>(value: T, delayMs: number): [T, (now: T) => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return [settled, setSettled];
}
