// Owns the Electron process: one instance, sandboxed renderers, the app:// scheme, one window, and the core behind IPC.
import path from 'node:path';
import { app, dialog, protocol, session, type BrowserWindow } from 'electron';
import { AppError } from './core/kernel/errors';
import { openCore, type Core } from './core/app';
import { StoreError } from './core/store/db';
import { createHost } from './main/host';
import { registerIpc } from './main/ipc';
import { installMenu } from './main/menu';
import { createAppProtocolHandler } from './main/bundleFiles';
import { registerAppScheme } from './main/protocol';
import { APP_SCHEME, hardenSession } from './main/security';
import { createMainWindow } from './main/window';

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

if (app.requestSingleInstanceLock()) {
  // Both must happen before `ready`: Chromium reads them at start-up.
  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    closeCore();
    app.quit();
  });
  app.on('before-quit', closeCore);
  void app.whenReady().then(start);
} else {
  // A second copy would open the same database: the first instance takes over (see 'second-instance').
  app.quit();
}

async function start(): Promise<void> {
  try {
    core = await openCore(createHost(() => mainWindow));
    registerIpc(core.dispatch);
    // dist/main.cjs sits next to dist/preload.cjs and dist/renderer/.
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, 'renderer')));
    hardenSession(session.defaultSession);
    installMenu();
    mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    // Windows ends sessions at shutdown/log-off without 'before-quit': mark the exit clean here too.
    mainWindow.on('session-end', closeCore);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    // E.g. "the database was damaged and restored from the backup of …": the user must hear it before working on.
    if (core.notices.length > 0) {
      void dialog.showMessageBox(mainWindow, { type: 'warning', title: '评审工作台', message: core.notices.join('\n\n') });
    }
  } catch (err) {
    showStartupError(err);
  }
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Idempotent: quitting can pass through several of the events above. */
function closeCore(): void {
  core?.close();
  core = null;
}

function showStartupError(err: unknown): void {
  console.error(err);
  // The core's own errors are written for the user and say what to do (e.g. "database from a newer version: install
  // the latest 评审工作台"); anything else is a bug, shown with its technical message for support.
  const userFacing = err instanceof StoreError || err instanceof AppError;
  const reason = userFacing ? err.message : `程序内部错误（${err instanceof Error ? err.message : String(err)}）。`;
  dialog.showErrorBox(
    '评审工作台无法启动',
    `${reason}\n\n评审数据所在文件夹：${app.getPath('userData')}\n` +
      '请不要删除或改动这个文件夹。如果问题持续，请把本提示截图发给技术支持。',
  );
  closeCore();
  app.exit(1);
}
