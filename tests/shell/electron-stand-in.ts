import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module, for running the BUILT main bundle (out/main/index.js)
 * under plain Node. Each piece is checked against the installed electron.d.ts (`satisfies
 * Partial<Electron.X>`), so a call the bundle makes with the wrong shape fails the typecheck, and
 * a call to something the stand-in lacks fails at run time (`TypeError: … is not a function`).
 *
 * Everything the bundle does through it is observable: `record` logs each call worth checking
 * (name and arguments) and the harness reports them; the handlers and callbacks main registers
 * are kept in `registered` for the harness to drive. To stand in for one more Electron call, add
 * it to its piece below (the type says its shape) and `record` it.
 */
export interface Call {
  api: string;
  args: unknown[];
}

/** What main registered, for the harness to call as Electron would. */
export interface Registered {
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  ipcHandlers: Map<string, Parameters<Electron.IpcMain['handle']>[1]>;
  globalShortcuts: Map<string, () => void>;
  beforeRequest:
    ((details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void) | null;
  permissionRequest: unknown;
  windows: StandInWindow[];
}

/** What the harness decides for the bundle: the answers of the system and of the user. */
export interface Scenario {
  /** Whether a system-wide shortcut can be registered (false: as under native Wayland). */
  globalShortcutsWork: boolean;
  systemIdleSeconds: number;
  systemIdleState: 'active' | 'idle' | 'locked' | 'unknown';
  systemLanguages: string[];
  /** What the next file dialogs answer. */
  dialogs: {
    openPaths: string[];
    savePath: string | null;
    folder: string | null;
    importPath: string | null;
  };
  clipboard: string;
  argv: string[];
}

export interface StandIn {
  electron: Record<string, unknown>;
  calls: Call[];
  registered: Registered;
  scenario: Scenario;
  powerMonitor: EventEmitter;
  app: EventEmitter;
  /** The app becomes ready (Electron: after its own start-up). */
  ready(): void;
}

let nextWebContentsId = 1;

/** Compile-time: what a stand-in class provides has Electron's shape for the same names. */
type Provides<Real, Mine extends Partial<Real>> = Mine;

/** A window's web contents: the events main listens to, the frame the IPC check reads. */
export class StandInWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = { url: '', parent: null, processId: 100 + this.id, routingId: 1 };
  windowOpenHandler: unknown = null;

  constructor(
    private readonly deliver: (webContentsId: number, channel: string, args: unknown[]) => void,
  ) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    this.deliver(this.id, channel, args);
  }
  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
}
export type WebContentsCheck = Provides<
  Electron.WebContents,
  Pick<StandInWebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'isDestroyed'>
>;

/** A window: its options are recorded, its page is what the harness's browser shows. */
export class StandInWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  visible = false;
  url = '';

  constructor(
    readonly options: Electron.BrowserWindowConstructorOptions,
    private readonly hooks: {
      record: (api: string, args: unknown[]) => void;
      deliver: (webContentsId: number, channel: string, args: unknown[]) => void;
      created: (win: StandInWindow) => void;
    },
  ) {
    super();
    this.webContents = new StandInWebContents(hooks.deliver);
    hooks.record('new BrowserWindow', [options]);
    hooks.created(this);
  }

  async loadURL(url: string): Promise<void> {
    this.hooks.record('BrowserWindow.loadURL', [url]);
    this.url = url;
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.hooks.record('BrowserWindow.show', []);
    this.visible = true;
  }
  hide(): void {
    this.hooks.record('BrowserWindow.hide', []);
    this.visible = false;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
}
export type WindowCheck = Provides<
  Electron.BrowserWindow,
  Pick<
    StandInWindow,
    'loadURL' | 'show' | 'hide' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed'
  >
>;

export function createStandIn(options: {
  scenario: Scenario;
  /** Main sent something to a page (`webContents.send`). */
  deliver: (webContentsId: number, channel: string, args: unknown[]) => void;
  /** Every recorded call, as it happens (the harness writes them out at once). */
  onCall?: (call: Call) => void;
}): StandIn {
  const { scenario } = options;
  const calls: Call[] = [];
  const record = (api: string, args: unknown[]) => {
    const call = { api, args };
    calls.push(call);
    options.onCall?.(call);
  };
  const registered: Registered = {
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    globalShortcuts: new Map(),
    beforeRequest: null,
    permissionRequest: null,
    windows: [],
  };
  const paths = new Map<string, string>();
  let isReady = false;
  let readyResolve: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });

  const appEvents = new EventEmitter();
  const app = Object.assign(appEvents, {
    isPackaged: false,
    commandLine: {
      hasSwitch: (name: string) => scenario.argv.some((arg) => arg.split('=')[0] === `--${name}`),
      getSwitchValue: (name: string) =>
        scenario.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? '',
      appendSwitch: (name: string, value?: string) =>
        record('app.commandLine.appendSwitch', [name, value]),
    } satisfies Partial<Electron.CommandLine>,
    ...({
      getPath: (name) => {
        let path = paths.get(name);
        if (path === undefined) {
          path = mkdtempSync(join(tmpdir(), `resguardo-standin-${name}-`));
          paths.set(name, path);
        }
        return path;
      },
      setPath: (name, path) => {
        record('app.setPath', [name, path]);
        paths.set(name, path);
      },
      enableSandbox: () => record('app.enableSandbox', []),
      whenReady: () => whenReady,
      isReady: () => isReady,
      requestSingleInstanceLock: () => true,
      getPreferredSystemLanguages: () => scenario.systemLanguages,
      getLocale: () => scenario.systemLanguages[0] ?? 'es',
      quit: () => {
        record('app.quit', []);
        let prevented = false;
        appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
        if (!prevented) appEvents.emit('quit');
      },
      exit: (code) => {
        record('app.exit', [code ?? 0]);
        appEvents.emit('exit', code ?? 0);
      },
    } satisfies Partial<Electron.App>),
  });

  const protocol = {
    registerSchemesAsPrivileged: (schemes) =>
      record('protocol.registerSchemesAsPrivileged', [schemes]),
    handle: (scheme, handler) => {
      registered.protocolHandlers.set(scheme, handler);
    },
  } satisfies Partial<Electron.Protocol>;

  const session = {
    defaultSession: {
      // Partial pieces inside a Partial: Electron's full type is only promised at this depth.
      protocol: protocol as Partial<Electron.Protocol> as Electron.Protocol,
      setPermissionRequestHandler: (handler) => {
        registered.permissionRequest = handler;
      },
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: {
        onBeforeRequest: ((...args: unknown[]) => {
          registered.beforeRequest = args[args.length - 1] as Registered['beforeRequest'];
        }) as Electron.WebRequest['onBeforeRequest'],
      } satisfies Partial<Electron.WebRequest> as Partial<Electron.WebRequest> as Electron.WebRequest,
    } satisfies Partial<Electron.Session>,
  };

  const ipcMain = {
    handle: (channel, listener) => {
      registered.ipcHandlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      registered.ipcHandlers.delete(channel);
    },
  } satisfies Partial<Electron.IpcMain>;

  const globalShortcut = {
    register: (accelerator, callback) => {
      record('globalShortcut.register', [accelerator]);
      if (!scenario.globalShortcutsWork) return false;
      registered.globalShortcuts.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => {
      registered.globalShortcuts.delete(accelerator);
    },
    unregisterAll: () => registered.globalShortcuts.clear(),
  } satisfies Partial<Electron.GlobalShortcut>;

  const powerMonitor = Object.assign(new EventEmitter(), {
    getSystemIdleTime: () => scenario.systemIdleSeconds,
    getSystemIdleState: () => scenario.systemIdleState,
  } satisfies Partial<Electron.PowerMonitor>);

  /** Which of the dialog answers an open dialog gives, from what it asks for. */
  const openAnswer = (dialogOptions: Electron.OpenDialogOptions): string[] => {
    const properties = dialogOptions.properties ?? [];
    if (properties.includes('openDirectory'))
      return scenario.dialogs.folder === null ? [] : [scenario.dialogs.folder];
    if (properties.includes('multiSelections')) return [...scenario.dialogs.openPaths];
    return scenario.dialogs.importPath === null ? [] : [scenario.dialogs.importPath];
  };
  const withParent = (a: unknown, b: unknown) => (b === undefined ? [false, a] : [true, b]);
  const dialog = {
    showOpenDialog: (async (a: unknown, b?: unknown) => {
      const [parent, dialogOptions] = withParent(a, b) as [boolean, Electron.OpenDialogOptions];
      record('dialog.showOpenDialog', [{ parent, options: dialogOptions }]);
      const filePaths = openAnswer(dialogOptions);
      return { canceled: filePaths.length === 0, filePaths };
    }) as Electron.Dialog['showOpenDialog'],
    showSaveDialog: (async (a: unknown, b?: unknown) => {
      const [parent, dialogOptions] = withParent(a, b) as [boolean, Electron.SaveDialogOptions];
      record('dialog.showSaveDialog', [{ parent, options: dialogOptions }]);
      const filePath = scenario.dialogs.savePath;
      return { canceled: filePath === null, filePath: filePath ?? '' };
    }) as Electron.Dialog['showSaveDialog'],
    showErrorBox: (title, content) => record('dialog.showErrorBox', [title, content]),
  } satisfies Partial<Electron.Dialog>;

  const clipboard = {
    readText: async () => scenario.clipboard,
    writeText: async (text) => {
      scenario.clipboard = text;
    },
  } satisfies Partial<Electron.Clipboard>;

  const Menu = {
    setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', [menu]),
    buildFromTemplate: (template: unknown) => template,
  };

  const hooks = {
    record,
    deliver: options.deliver,
    created: (win: StandInWindow) => {
      registered.windows.push(win);
      // As Electron: the new contents first, then the window.
      appEvents.emit('web-contents-created', {}, win.webContents);
      appEvents.emit('browser-window-created', {}, win);
    },
  };
  class BrowserWindow extends StandInWindow {
    constructor(windowOptions: Electron.BrowserWindowConstructorOptions = {}) {
      super(windowOptions, hooks);
    }
  }

  const electron = {
    app,
    BrowserWindow,
    clipboard,
    dialog,
    globalShortcut,
    ipcMain,
    Menu,
    powerMonitor,
    protocol,
    session,
  };
  // The module's surface, checked by name against Electron's own.
  electron satisfies Partial<Record<keyof typeof Electron.CrossProcessExports, unknown>>;

  return {
    electron,
    calls,
    registered,
    scenario,
    powerMonitor,
    app,
    ready: () => {
      isReady = true;
      readyResolve();
      appEvents.emit('ready');
    },
  };
}
