import { useEffect, useState } from 'react';
import { type Output } from '../../../shared/contract';
import { call } from '../ipc/client';

/** The panic key as main set it up; null until it answers (or if it cannot). */
export function usePanicShortcut(): Output<'app.panicShortcut'> | null {
  const [shortcut, setShortcut] = useState<Output<'app.panicShortcut'> | null>(null);
  useEffect(() => {
    let live = true;
    call('app.panicShortcut', {}).then(
      (value) => {
        if (live) setShortcut(value);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return shortcut;
}
