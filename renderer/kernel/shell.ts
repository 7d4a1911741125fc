// Owns what the shell offers this window, asked once at start (app.info): the version, the transport, and whether there
// are native dialogs (Electron) or only file inputs (web), which several screens read; and that native open dialog.
import { create } from 'zustand';
import type { Output } from '../../shared/api';
import { client } from '../api';
import { reportError } from './notices';

interface ShellState {
  /** null until app.info has answered (and if it failed). */
  info: Output<'app.info'> | null;
  load(): Promise<void>;
  /** The native open dialog (desktop only): a package file, or a folder; null when the user cancelled. */
  choosePath(folder: boolean): Promise<string | null>;
}

export const useShell = create<ShellState>((set) => ({
  info: null,
  async load() {
    try {
      set({ info: await client.call('app.info', {}) });
    } catch (err) {
      reportError(err);
    }
  },
  async choosePath(folder) {
    return (await client.call('package.choose', { folder })).path;
  },
}));

/** True in the desktop app only: 打开文件夹 and other buttons that need the user's own file manager are offered there. */
export const useDesktop = (): boolean => useShell((s) => s.info?.transport === 'ipc');

/** False until app.info has answered: until then a screen offers only what every shell can do. */
export const useNativeDialogs = (): boolean => useShell((s) => s.info?.nativeDialogs ?? false);
