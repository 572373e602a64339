/**
 * The panic key, Ctrl+Shift+L (Cmd+Shift+L on macOS). Registered system-wide where the desktop
 * allows it; recognised inside the focused window always, from the keys Electron reports before
 * the page sees them. Electron-free.
 */
export const PANIC_ACCELERATOR = 'CommandOrControl+Shift+L';

/** The fields of Electron's `Input` (before-input-event) this reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

export function panicModifier(platform: NodeJS.Platform): 'cmd' | 'ctrl' {
  return platform === 'darwin' ? 'cmd' : 'ctrl';
}

export function isPanicKey(input: KeyInput, platform: NodeJS.Platform): boolean {
  if (input.type !== 'keyDown' || !input.shift || input.alt) return false;
  const mac = platform === 'darwin';
  const modifier = mac ? input.meta && !input.control : input.control && !input.meta;
  // The key's letter on most layouts; its position where the layout has no L there.
  return modifier && (input.key.toLowerCase() === 'l' || input.code === 'KeyL');
}
