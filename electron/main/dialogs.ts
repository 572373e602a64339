import { type BrowserWindow, dialog } from 'electron';
import { type DialogsAdapter } from '../core/adapters';

/**
 * Electron's native dialogs. The paths they return stay in main: the renderer only ever sees
 * what the handlers choose to answer. No titles or filter names: the OS dialogs speak the user's
 * language already, and main holds no translations.
 */
export function electronDialogs(getWindow: () => BrowserWindow | null): DialogsAdapter {
  const parent = () => {
    const win = getWindow();
    return win !== null && !win.isDestroyed() ? win : undefined;
  };
  const open = async (properties: Electron.OpenDialogOptions['properties']) => {
    const win = parent();
    const options: Electron.OpenDialogOptions = { properties };
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
  return {
    chooseFilesToOpen: () => open(['openFile', 'multiSelections']),
    async chooseSavePath(suggestedName) {
      const win = parent();
      const options: Electron.SaveDialogOptions = {
        defaultPath: suggestedName,
        properties: ['showOverwriteConfirmation'],
      };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseExportFolder() {
      return (await open(['openDirectory', 'createDirectory']))[0] ?? null;
    },
    async chooseImportFile() {
      return (await open(['openFile']))[0] ?? null;
    },
  };
}
