import { type BrowserWindow, clipboard } from 'electron';
import { type CoreAdapters, type Log } from '../core/adapters';
import { EVENT_CHANNEL } from './channels';
import { drivePollInterval, listSystemDrives } from '../drives/system-drives';
import { electronDialogs } from './dialogs';
import { panicShortcut } from './lock-triggers';

/** Never logs payloads: they could carry case data. Callers pass only what is safe to keep. */
export const log: Log = (message, details) => {
  if (details === undefined) console.log(`[resguardo] ${message}`);
  else console.log(`[resguardo] ${message}`, details);
};

/** The core's side effects, done with Electron. */
export function electronAdapters(getWindow: () => BrowserWindow | null): CoreAdapters {
  return {
    clipboard: {
      readText: () => clipboard.readText(),
      writeText: (text) => clipboard.writeText(text),
    },
    emit: (event, payload) => {
      const win = getWindow();
      if (win === null || win.isDestroyed()) return;
      win.webContents.send(EVENT_CHANNEL, event, payload);
    },
    log,
    dialogs: electronDialogs(getWindow),
    drives: {
      list: () => listSystemDrives(process.platform),
      pollIntervalMs: drivePollInterval(process.platform),
    },
    shortcuts: { panic: () => ({ ...panicShortcut }) },
  };
}
