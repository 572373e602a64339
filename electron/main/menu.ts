import { Menu } from 'electron';

/**
 * No default menu: Electron's links to its website and offers DevTools. macOS keeps the roles
 * without which copy and paste stop working in text fields; elsewhere there is no menu at all.
 */
export function installMenu(platform: NodeJS.Platform): void {
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]),
  );
}
