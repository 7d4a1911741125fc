// Owns the Host the desktop shell hands to the core: data folder, version, native file dialogs, opening documents, events.
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { Host } from '../core/kernel/handlers';
import { sendEvent } from './ipc';
import { existingFolderPath, openableDocumentPath } from './security';

const packageDialog: OpenDialogOptions = {
  title: '选择评审包',
  properties: ['openFile'],
  filters: [{ name: '评审包', extensions: ['rpkg'] }],
};
const folderDialog: OpenDialogOptions = { title: '选择评审包文件夹', properties: ['openDirectory'] };

export function createHost(getWindow: () => BrowserWindow | null): Host {
  const dataDir = app.getPath('userData');
  return {
    dataDir,
    version: app.getVersion(),
    transport: 'ipc',
    async choosePath({ folder, title }) {
      const options = folder ? { ...folderDialog, title: title ?? folderDialog.title } : packageDialog;
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openPath(absPath) {
      const real = await openableDocumentPath(absPath, dataDir);
      if (real === null) return false;
      // shell.openPath resolves to '' on success and to the OS's error message otherwise.
      return (await shell.openPath(real)) === '';
    },
    async openFolder(absPath) {
      const real = await existingFolderPath(absPath);
      return real !== null && (await shell.openPath(real)) === '';
    },
    emit: (event, payload) => sendEvent(getWindow()?.webContents, event, payload),
  };
}
