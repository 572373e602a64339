import { useEffect, useState } from 'react';
import { type DriveView } from '../../../shared/contract/drives';
import { call, onEvent } from '../ipc/client';

/** Removable drives as main detects them, kept current as sticks come and go. */
export function useDrives(): DriveView[] {
  const [drives, setDrives] = useState<DriveView[]>([]);
  useEffect(() => {
    let live = true;
    call('drives.list', {}).then(
      (list) => live && setDrives(list),
      () => undefined, // No drives listed: choosing a folder still works.
    );
    const stop = onEvent('drives.changed', ({ drives: list }) => setDrives(list));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return drives;
}
