import { describe, expect, it } from 'vitest';
import {
  countsAsUse,
  createInputClock,
  createLockWatch,
  type IdleProbe,
  lockReasonFor,
} from '../../electron/lock/lock-watch';
import { isPanicKey, type KeyInput } from '../../electron/lock/panic-key';

const quiet = {
  screenLocked: false,
  screenWasLocked: false,
  systemIdleSeconds: 0,
  appIdleSeconds: 0,
  limitSeconds: 300,
};

describe('lock decisions', () => {
  it('idle counts whichever clock says idle first, the system or the app', () => {
    expect(lockReasonFor(quiet)).toBeNull();
    expect(lockReasonFor({ ...quiet, systemIdleSeconds: 299 })).toBeNull();
    expect(lockReasonFor({ ...quiet, systemIdleSeconds: 300 })).toBe('idle');
    // A Wayland session whose system idle time stays 0: the app's own clock still locks.
    expect(lockReasonFor({ ...quiet, systemIdleSeconds: 0, appIdleSeconds: 300 })).toBe('idle');
    expect(lockReasonFor({ ...quiet, systemIdleSeconds: 0, appIdleSeconds: undefined })).toBeNull();
  });

  it('the screen locks the vault when it becomes locked, not again while it stays locked', () => {
    expect(lockReasonFor({ ...quiet, screenLocked: true })).toBe('screen');
    expect(lockReasonFor({ ...quiet, screenLocked: true, screenWasLocked: true })).toBeNull();
    expect(
      lockReasonFor({ ...quiet, screenLocked: true, screenWasLocked: true, appIdleSeconds: 301 }),
    ).toBe('idle');
  });

  it('a watch reads the probe and reports each reason as the readings change', () => {
    const probe = { system: 0, app: 0, locked: false };
    const reasons: string[] = [];
    const full: IdleProbe = {
      systemIdleSeconds: () => probe.system,
      appIdleSeconds: () => probe.app,
      screenLocked: () => probe.locked,
    };
    const watch = createLockWatch({
      probe: full,
      limitSeconds: () => 60,
      lock: (reason) => reasons.push(reason),
      intervalMs: 60_000,
    });
    try {
      watch.check();
      probe.locked = true;
      watch.check();
      watch.check();
      probe.locked = false;
      watch.check();
      probe.locked = true;
      watch.check();
      probe.locked = false;
      probe.app = 61;
      watch.check();
      expect(reasons).toEqual(['screen', 'screen', 'idle']);
    } finally {
      watch.stop();
    }
  });

  it("the app's input clock restarts on use only", () => {
    let now = 1_000;
    const clock = createInputClock(() => now);
    now += 90_000;
    expect(clock.idleSeconds()).toBe(90);
    clock.note();
    expect(clock.idleSeconds()).toBe(0);
    expect(
      ['mouseDown', 'keyDown', 'rawKeyDown', 'mouseWheel', 'touchStart'].every(countsAsUse),
    ).toBe(true);
    expect(['mouseMove', 'mouseEnter', 'mouseLeave', 'keyUp'].some(countsAsUse)).toBe(false);
  });
});

describe('panic key inside the window', () => {
  const key = (over: Partial<KeyInput>): KeyInput => ({
    type: 'keyDown',
    key: 'L',
    code: 'KeyL',
    control: true,
    meta: false,
    shift: true,
    alt: false,
    ...over,
  });

  it('is Ctrl+Shift+L on Linux and Windows, Cmd+Shift+L on macOS', () => {
    expect(isPanicKey(key({}), 'linux')).toBe(true);
    expect(isPanicKey(key({}), 'win32')).toBe(true);
    expect(isPanicKey(key({}), 'darwin')).toBe(false);
    expect(isPanicKey(key({ control: false, meta: true }), 'darwin')).toBe(true);
    expect(isPanicKey(key({ control: false, meta: true }), 'linux')).toBe(false);
  });

  it('needs every modifier, only those, on key down', () => {
    expect(isPanicKey(key({ shift: false }), 'linux')).toBe(false);
    expect(isPanicKey(key({ alt: true }), 'linux')).toBe(false);
    expect(isPanicKey(key({ meta: true }), 'linux')).toBe(false);
    expect(isPanicKey(key({ type: 'keyUp' }), 'linux')).toBe(false);
    expect(isPanicKey(key({ key: 'K', code: 'KeyK' }), 'linux')).toBe(false);
    // A layout whose key at L's place types something else still counts by position.
    expect(isPanicKey(key({ key: 'Ñ', code: 'KeyL' }), 'linux')).toBe(true);
    expect(isPanicKey(key({ key: 'l', code: undefined }), 'linux')).toBe(true);
  });
});
