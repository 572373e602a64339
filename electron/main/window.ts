import { BrowserWindow } from 'electron';

export interface WindowOptions {
  preloadPath: string;
  entryUrl: string;
  allowDevTools: boolean;
}

/** The one window: sandboxed, isolated, no Node, no DevTools once packaged. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Resguardo',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.allowDevTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.entryUrl);
  return win;
}
