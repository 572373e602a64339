import { type ReportedInput, decode, encode } from './wire';

/**
 * The renderer half of the Electron stand-in: runs in the page before anything else (bundled by
 * esbuild into an init script), gives the BUILT preload its `require('electron')`, and carries
 * its `ipcRenderer.invoke` calls to the test process through a Playwright binding (which hands
 * them to main's real IPC handler). It also reports keys and clicks as Electron's
 * before-input-event / input-event would reach main. Test tooling only.
 */
interface PageGlobals {
  __standInIpc(message: string): Promise<string>;
  __standInInput(input: ReportedInput): Promise<void>;
  __standInDeliver?: (message: string) => void;
  __standInRequire?: (name: string) => unknown;
  addEventListener(
    type: string,
    listener: (event: Record<string, unknown>) => void,
    options: { capture: boolean },
  ): void;
}
const page = globalThis as unknown as PageGlobals;
const ipcBinding = page.__standInIpc;
const inputBinding = page.__standInInput;

type Listener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void;
const listeners = new Map<string, Set<Listener>>();

const ipcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) =>
    decode(await ipcBinding(JSON.stringify({ channel, args: encode(args) }))),
  on(channel: string, listener: Listener) {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return this as unknown as Electron.IpcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return this as unknown as Electron.IpcRenderer;
  },
} satisfies Partial<Electron.IpcRenderer>;

const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown) {
    Object.defineProperty(globalThis, apiKey, {
      value: Object.freeze(api),
      writable: false,
      configurable: false,
      enumerable: true,
    });
  },
} satisfies Partial<Electron.ContextBridge>;

page.__standInDeliver = (message) => {
  const { channel, args } = decode(message) as { channel: string; args: unknown[] };
  const event = { sender: ipcRenderer } as unknown as Electron.IpcRendererEvent;
  for (const listener of [...(listeners.get(channel) ?? [])]) listener(event, ...args);
};

// A sandboxed preload can require `electron` and nothing from node_modules.
page.__standInRequire = (name) => {
  if (name === 'electron') return { contextBridge, ipcRenderer };
  throw new Error(`module not found: ${name}`);
};

const key = (event: Record<string, unknown>): ReportedInput => ({
  type: 'keyDown',
  key: String(event['key']),
  code: String(event['code']),
  control: event['ctrlKey'] === true,
  shift: event['shiftKey'] === true,
  alt: event['altKey'] === true,
  meta: event['metaKey'] === true,
});
const pointer = (type: ReportedInput['type']): ReportedInput => ({
  type,
  key: '',
  code: '',
  control: false,
  shift: false,
  alt: false,
  meta: false,
});
page.addEventListener('keydown', (event) => void inputBinding(key(event)), { capture: true });
page.addEventListener('mousedown', () => void inputBinding(pointer('mouseDown')), {
  capture: true,
});
page.addEventListener('wheel', () => void inputBinding(pointer('mouseWheel')), { capture: true });
