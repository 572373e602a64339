import { type BrowserWindow, ipcMain } from 'electron';
import { type Core } from '../core/create-core';
import { type Log } from '../core/adapters';
import { type Reply, messageKeyFor } from '../../shared/errors';
import { INVOKE_CHANNEL } from './channels';
import { isTrustedSender } from './sender';

const forbidden: Reply<never> = {
  ok: false,
  error: { code: 'forbidden_sender', messageKey: messageKeyFor('forbidden_sender') },
};

/**
 * The only IPC channel. The core validates the operation name and its input; this checks who is
 * asking: the main window's top frame on our own origin, nobody else.
 */
export function registerInvokeHandler(options: {
  core: Core;
  getWindow: () => BrowserWindow | null;
  origins: readonly string[];
  log: Log;
}): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, operation: unknown, input: unknown) => {
    const win = options.getWindow();
    const trusted =
      win !== null &&
      !win.isDestroyed() &&
      event.sender.id === win.webContents.id &&
      isTrustedSender(event.senderFrame, win.webContents.mainFrame, options.origins);
    if (!trusted) {
      options.log('ipc refused: untrusted sender', {
        operation: typeof operation === 'string' ? operation.slice(0, 64) : typeof operation,
      });
      return forbidden;
    }
    return options.core.dispatch(operation, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
