import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type Bridge, events, isOperationName } from '../../shared/contract';
import { messageKeyFor } from '../../shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../main/channels';

/**
 * The page's only door to main: `invoke` for operations the contract names, `on` for the events
 * it names. The IPC event object never reaches the page, nor does `ipcRenderer` itself.
 */
const bridge: Bridge = {
  invoke(operation, input) {
    if (!isOperationName(operation)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_operation', messageKey: messageKeyFor('unknown_operation') },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, operation, input);
  },
  on(event, listener) {
    if (typeof event !== 'string' || !Object.hasOwn(events, event)) {
      throw new TypeError(`Unknown event: ${String(event)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('resguardo', bridge);
