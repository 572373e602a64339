import { type EventName, type EventPayload } from '../../shared/contract';
import { type DetectedDrive } from '../drives/drive-types';

/**
 * Side effects the handlers need, given to them from outside: Electron's in the app,
 * the test host's own in tests. Nothing here imports `electron`.
 */
/** Asynchronous, as Electron's clipboard is. */
export interface ClipboardAdapter {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type Log = (message: string, details?: Record<string, unknown>) => void;

/** Native file dialogs (Electron's in the app); they return paths that never reach the renderer. */
export interface DialogsAdapter {
  /** Files to attach as evidence; an empty list when the user cancels. */
  chooseFilesToOpen(): Promise<string[]>;
  /** Where to save a decrypted copy; null when the user cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Folder to write an export into (a removable drive or any folder); null when cancelled. */
  chooseExportFolder?(): Promise<string | null>;
  /** One file to import: an office card or an export; null when cancelled. */
  chooseImportFile?(kind: 'card' | 'export'): Promise<string | null>;
}

/** Removable drives (electron/drives in the app, a fake list in the test host). */
export interface DrivesAdapter {
  list(): Promise<DetectedDrive[]>;
  /** How often to look for drives coming and going (default 2 s). */
  pollIntervalMs?: number;
}

/** The panic key as the shell set it up (main's lock triggers; the test host says what it is told). */
export interface ShortcutsAdapter {
  panic(): { modifier: 'ctrl' | 'cmd'; systemWide: boolean };
}

export interface CoreAdapters {
  clipboard: ClipboardAdapter;
  emit: EmitEvent;
  log: Log;
  /** Optional until main wires Electron's: evidence operations answer `internal` without it. */
  dialogs?: DialogsAdapter;
  /** Without it no drive is ever listed: the user picks a folder. */
  drives?: DrivesAdapter;
  /** Without it the panic key is reported as the window's only (Ctrl), not system-wide. */
  shortcuts?: ShortcutsAdapter;
}
