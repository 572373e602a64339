import { type DetectedDrive } from './drive-types';

export interface DrivePoller {
  /** The list as of the last poll (polls now if it never ran). */
  current(): Promise<DetectedDrive[]>;
  stop(): void;
}

/** Same drives, same places: free space changing while an export writes is not a change. */
function signature(drives: readonly DetectedDrive[]): string {
  return drives
    .map((d) => d.id)
    .sort()
    .join(',');
}

/**
 * Poll the drive list and call `onChange` when a drive appears or goes. Polling, not udev or
 * DiskArbitration events: one small read of /proc/mounts every couple of seconds works the same
 * on every system and needs no native module.
 */
export function createDrivePoller(
  list: () => Promise<DetectedDrive[]>,
  onChange: (drives: DetectedDrive[]) => void,
  intervalMs = 2_000,
): DrivePoller {
  let last: DetectedDrive[] | null = null;
  let running: Promise<DetectedDrive[]> | null = null;
  const poll = () => {
    running ??= list()
      .then((drives) => {
        const changed = last !== null && signature(last) !== signature(drives);
        last = drives;
        if (changed) onChange(drives);
        return drives;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void poll().catch(() => undefined), intervalMs);
  timer.unref();
  return {
    current: () => (last === null ? poll() : Promise.resolve(last)),
    stop: () => clearInterval(timer),
  };
}
