/**
 * When the vault locks by itself: the screen locking, or nobody using the computer or this app
 * for the user's idle minutes. Electron-free: main feeds it what Electron reports, the test host
 * feeds it numbers, and the unit tests feed it a script of readings.
 */
export interface IdleProbe {
  /** Seconds since the system last saw input (`getSystemIdleTime`; 0 forever on some Wayland sessions). */
  systemIdleSeconds(): number;
  /** Seconds since the user last used this app's window; absent where nothing counts it. */
  appIdleSeconds?(): number;
  /** Whether the screen is locked now (`getSystemIdleState(…) === 'locked'`); absent where unknown. */
  screenLocked?(): boolean;
}

export interface Reading {
  screenLocked: boolean;
  /** Whether the previous reading saw the screen locked already. */
  screenWasLocked: boolean;
  systemIdleSeconds: number;
  appIdleSeconds: number | undefined;
  limitSeconds: number;
}

/**
 * The screen counts when it becomes locked (not while it stays so: a session that reports
 * "locked" forever would otherwise lock the vault again the moment it is opened). Idle counts
 * from whichever clock says idle first, the system's or the app's own.
 */
export function lockReasonFor(reading: Reading): 'screen' | 'idle' | null {
  if (reading.screenLocked && !reading.screenWasLocked) return 'screen';
  const idle = Math.max(reading.systemIdleSeconds, reading.appIdleSeconds ?? 0);
  return idle >= reading.limitSeconds ? 'idle' : null;
}

export interface LockWatch {
  /** Read the probe once and lock if it says so (the timer calls this). */
  check(): void;
  stop(): void;
}

export function createLockWatch(options: {
  probe: IdleProbe;
  limitSeconds: () => number;
  lock: (reason: 'screen' | 'idle') => void;
  intervalMs: number;
}): LockWatch {
  const { probe } = options;
  let screenWasLocked = false;
  const check = () => {
    const screenLocked = probe.screenLocked?.() ?? false;
    const reason = lockReasonFor({
      screenLocked,
      screenWasLocked,
      systemIdleSeconds: probe.systemIdleSeconds(),
      appIdleSeconds: probe.appIdleSeconds?.(),
      limitSeconds: options.limitSeconds(),
    });
    screenWasLocked = screenLocked;
    if (reason !== null) options.lock(reason);
  };
  const timer = setInterval(check, options.intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

/** Counts the app's own input (keys, clicks, scrolling in its window). */
export interface InputClock {
  note(): void;
  idleSeconds(): number;
}

export function createInputClock(now: () => number = Date.now): InputClock {
  let last = now();
  return {
    note: () => {
      last = now();
    },
    idleSeconds: () => Math.max(0, (now() - last) / 1000),
  };
}

/** Input that means someone is using the window (a pointer merely passing over it does not). */
const useEvents = new Set([
  'mouseDown',
  'mouseWheel',
  'rawKeyDown',
  'keyDown',
  'touchStart',
  'gestureScrollBegin',
  'pointerDown',
]);

export function countsAsUse(inputType: string): boolean {
  return useEvents.has(inputType);
}
