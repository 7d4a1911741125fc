// Owns the main window: its size and look, the hardened preferences from security.ts, and loading the app from app://bundle.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL, hardenWebContents, webPreferences } from './security';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: '评审工作台',
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown once painted, on the page's own background colour, so start-up never flashes white.
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: webPreferences(preloadPath),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('加载界面失败 / failed to load the UI', err));
  return window;
}
