// Proves the process wiring in electron/main.ts: single instance, sandbox and scheme before `ready`; then the core,
// IPC, protocol, hardened session and window in that order; the core closed on quit; a Chinese dialog when start-up fails.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const state = vi.hoisted(() => {
  const make = () => {
    const order: string[] = [];
    const appListeners = new Map<string, Listener>();
    let ready: () => void = () => undefined;
    const whenReady = new Promise<void>((resolve) => (ready = resolve));
    return {
      order,
      appListeners,
      ready: () => ready(),
      whenReady,
      lock: true,
      core: { dispatch: vi.fn(), notices: [] as string[], close: vi.fn() },
      openCore: vi.fn(),
      windows: [] as { options: Record<string, unknown>; url?: string }[],
      errorBox: vi.fn(),
      messageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
      exit: vi.fn(),
      quit: vi.fn(),
    };
  };
  return { current: make(), make };
});

vi.mock('electron', () => {
  const s = () => state.current;
  class BrowserWindow {
    readonly webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    readonly record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      s().order.push('window');
      this.record = { options };
      s().windows.push(this.record);
    }
    once = vi.fn();
    on = vi.fn();
    loadURL = vi.fn(async (url: string) => {
      this.record.url = url;
    });
  }
  return {
    app: {
      requestSingleInstanceLock: () => (s().order.push('lock'), s().lock),
      enableSandbox: () => s().order.push('sandbox'),
      on: (event: string, listener: Listener) => s().appListeners.set(event, listener),
      whenReady: () => s().whenReady,
      quit: (...args: unknown[]) => s().quit(...args),
      exit: (...args: unknown[]) => s().exit(...args),
      getPath: () => '/home/expert/.config/评审工作台',
      getVersion: () => '1.2.3',
      isPackaged: true,
    },
    protocol: {
      registerSchemesAsPrivileged: () => s().order.push('scheme'),
      handle: (scheme: string) => s().order.push(`protocol.handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => s().order.push('permissions'),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    ipcMain: { handle: (channel: string) => s().order.push(`ipc:${channel}`) },
    dialog: {
      showErrorBox: (...args: unknown[]) => s().errorBox(...args),
      showMessageBox: (...args: unknown[]) => s().messageBox(...args),
      showOpenDialog: vi.fn(),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => s().order.push('menu') },
    shell: { openPath: vi.fn() },
    BrowserWindow,
  };
});

vi.mock('../../electron/core/app', () => ({
  openCore: (...args: unknown[]) => {
    state.current.order.push('core');
    return state.current.openCore(...args);
  },
}));

/** Loads main.ts afresh; `beforeReady` runs against the same module graph before `ready` fires. */
async function boot(beforeReady: () => Promise<void> = async () => undefined) {
  vi.resetModules();
  await import('../../electron/main');
  await beforeReady();
  const s = state.current;
  s.ready();
  await vi.waitFor(() => expect(s.order.at(-1)).toMatch(/window|core/));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return s;
}

beforeEach(() => {
  state.current = state.make();
  state.current.openCore.mockResolvedValue(state.current.core);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('electron/main.ts', () => {
  it('takes the single-instance lock, enables the sandbox and registers app:// before ready', async () => {
    vi.resetModules();
    await import('../../electron/main');
    expect(state.current.order).toEqual(['lock', 'sandbox', 'scheme']);
    expect([...state.current.appListeners.keys()]).toEqual(expect.arrayContaining(['second-instance', 'window-all-closed', 'before-quit']));
  });

  it('on ready opens the core, then IPC, the protocol, the hardened session, the menu and the window', async () => {
    const s = await boot();
    expect(s.order).toEqual(['lock', 'sandbox', 'scheme', 'core', 'ipc:rd:call', 'protocol.handle:app', 'permissions', 'menu', 'window']);
    expect(s.openCore.mock.calls[0]![0]).toMatchObject({
      dataDir: '/home/expert/.config/评审工作台',
      version: '1.2.3',
      transport: 'ipc',
    });
    expect(s.windows[0]!.url).toBe('app://bundle/index.html');
    expect(s.windows[0]!.options).toMatchObject({ title: '评审工作台', show: false });
  });

  it('closes the core once when the windows close and the app quits', async () => {
    const s = await boot();
    s.appListeners.get('window-all-closed')!();
    s.appListeners.get('before-quit')!();
    expect(s.core.close).toHaveBeenCalledTimes(1);
    expect(s.quit).toHaveBeenCalled();
  });

  it('tells the user the core’s start-up notices', async () => {
    state.current.core.notices = ['数据库已从备份恢复。'];
    const s = await boot();
    expect(s.messageBox).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ message: '数据库已从备份恢复。' }));
  });

  it('shows a Chinese error dialog and exits when the core refuses to open', async () => {
    const message = '本地数据库由更新版本的评审工作台创建。为保护数据，未做任何改动。请安装最新版评审工作台后再打开。';
    const s = await boot(async () => {
      // The class main.ts sees: resetModules gave it a fresh copy.
      const { StoreError } = await import('../../electron/core/store/db');
      state.current.openCore.mockRejectedValue(new StoreError('database-newer', message));
    });
    await vi.waitFor(() => expect(s.exit).toHaveBeenCalledWith(1));
    const [title, body] = s.errorBox.mock.calls[0] as [string, string];
    expect(title).toBe('评审工作台无法启动');
    expect(body).toContain(message);
    expect(body).not.toContain('程序内部错误');
    expect(body).toContain('/home/expert/.config/评审工作台');
    expect(s.windows).toHaveLength(0);
  });

  it('a second instance quits at once and touches nothing', async () => {
    state.current.lock = false;
    vi.resetModules();
    await import('../../electron/main');
    expect(state.current.order).toEqual(['lock']);
    expect(state.current.quit).toHaveBeenCalled();
  });
});
