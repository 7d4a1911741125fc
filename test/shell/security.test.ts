// Proves the window's hardening (reliability items 1, 3, 4, 5, 6 sender check, 9): exact preferences, navigation,
// new windows, permissions, network, the CSP's directives, IPC sender trust, and which paths the OS may open.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Session } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
  openableDocumentPath,
} from '../../electron/main/security';
import { createMainWindow } from '../../electron/main/window';
import { fakeSession, fakeWebContents, ipcEvent, topAppFrame } from './fakes';

const windows = vi.hoisted(() => [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; contents: unknown }[]);

vi.mock('electron', async () => {
  const { fakeWebContents } = await import('./fakes');
  class BrowserWindow {
    readonly webContents: unknown;
    readonly loadURL = vi.fn(async () => undefined);
    readonly once = vi.fn();
    constructor(options: Record<string, unknown>) {
      const fake = fakeWebContents();
      this.webContents = fake.contents;
      windows.push({ options, loadURL: this.loadURL, contents: fake });
    }
  }
  return { BrowserWindow };
});

describe('window preferences (item 1)', () => {
  const window = createMainWindow('/app/dist/preload.cjs');
  const recorded = windows.at(-1)!;
  const prefs = recorded.options.webPreferences as Record<string, unknown>;

  it('are exactly the hardened set: loosening any value or adding any key fails', () => {
    expect(prefs).toStrictEqual({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
  });

  it('never carry the keys that switch protections off or inject into the page', () => {
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'preloadURL', 'experimentalCanvasFeatures']) {
      expect(prefs, key).not.toHaveProperty(key);
    }
  });

  it('load the app from app://bundle, never file://, and harden the window contents', () => {
    expect(window).toBeDefined();
    expect(recorded.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://bundle/index.html');
    const contents = recorded.contents as ReturnType<typeof fakeWebContents>;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listeners(event), event).toHaveLength(1);
    }
    expect(contents.windowOpenHandler()).not.toBeNull();
  });

  it('show only when painted, at the agreed size', () => {
    expect(recorded.options).toMatchObject({ title: '评审工作台', width: 1400, height: 900, minWidth: 1024, show: false });
  });
});

describe('navigation and new windows (item 3)', () => {
  const fake = fakeWebContents();
  hardenWebContents(fake.contents);

  const foreign = [
    'https://x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://bundle.evil',
    'app://bundle.evil/index.html',
    'app://bundle@evil',
    'app://bundle@evil/index.html',
    'app://user:pass@bundle/index.html',
    'app://bundle:8080/index.html',
    'app://evil/index.html',
    'app:///index.html',
    'http://127.0.0.1',
    'http://localhost:5173/',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://bundle/5f1c',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ];
  const own = ['app://bundle/index.html', 'app://bundle/', 'app://bundle/sessions/42?tab=score#top'];

  // Electron passes (event, url, …) to will-navigate/will-redirect and (event) to will-frame-navigate; the URL is on the event.
  function fire(event: string, url: string) {
    const preventDefault = vi.fn();
    for (const listener of fake.listeners(event)) listener({ url, preventDefault }, url);
    return preventDefault;
  }

  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it.each(foreign)(`${event} to %j is prevented`, (url) => {
      expect(fire(event, url)).toHaveBeenCalled();
    });
    it.each(own)(`${event} to %j is allowed`, (url) => {
      expect(fire(event, url)).not.toHaveBeenCalled();
    });
  }

  it('window.open is denied, whatever the URL', () => {
    const handler = fake.windowOpenHandler()!;
    for (const url of [...foreign, ...own]) expect(handler({ url })).toEqual({ action: 'deny' });
  });

  it('a webview is never attached', () => {
    const preventDefault = vi.fn();
    for (const listener of fake.listeners('will-attach-webview')) listener({ preventDefault }, {}, { src: 'https://x' });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('origins are compared parsed, not by prefix', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true);
    expect(isAppUrl('app://bundle.evil/index.html')).toBe(false);
    expect(isAppUrl('app://bundlex/')).toBe(false);
  });
});

// The compiler rejects this table if Electron adds or drops a permission name: the list is always the whole union.
type Permission = Parameters<NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>>[1];
type CheckedPermission = Parameters<NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>>[1];
const permissionTable = {
  ar: 0,
  'automatic-fullscreen': 0,
  'background-fetch': 0,
  'background-sync': 0,
  'captured-surface-control': 0,
  'clipboard-read': 0,
  'clipboard-sanitized-write': 0,
  'deprecated-sync-clipboard-read': 0,
  'display-capture': 0,
  fileSystem: 0,
  fullscreen: 0,
  geolocation: 0,
  'geolocation-approximate': 0,
  'hand-tracking': 0,
  hid: 0,
  'idle-detection': 0,
  keyboardLock: 0,
  'local-fonts': 0,
  'local-network': 0,
  'local-network-access': 0,
  'loopback-network': 0,
  media: 0,
  mediaKeySystem: 0,
  midi: 0,
  midiSysex: 0,
  nfc: 0,
  notifications: 0,
  openExternal: 0,
  'payment-handler': 0,
  'periodic-background-sync': 0,
  'persistent-storage': 0,
  pointerLock: 0,
  'screen-wake-lock': 0,
  sensors: 0,
  serial: 0,
  'smart-card': 0,
  'speaker-selection': 0,
  'storage-access': 0,
  'system-wake-lock': 0,
  'top-level-storage-access': 0,
  usb: 0,
  vr: 0,
  'web-app-installation': 0,
  'web-printing': 0,
  'window-management': 0,
  unknown: 0,
} satisfies Record<Permission & CheckedPermission, 0>;
const everyPermission = Object.keys(permissionTable) as Permission[];

describe('permissions and network (item 4)', () => {
  const { session, recorded } = fakeSession();
  hardenSession(session);

  it.each(everyPermission)('a request for %s is refused', (permission) => {
    const callback = vi.fn();
    recorded.request!(fakeWebContents().contents, permission, callback, { requestingUrl: 'app://bundle/index.html' });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(everyPermission)('a check for %s answers false', (permission) => {
    expect(recorded.check!(fakeWebContents().contents, permission, 'app://bundle', {})).toBe(false);
    expect(recorded.check!(null, permission, 'https://x', {})).toBe(false);
  });

  it('device access (HID, serial, USB) is refused', () => {
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(recorded.device!({ deviceType, origin: 'app://bundle', device: {} })).toBe(false);
    }
  });

  it.each([
    ['https://x/steal?d=1', true],
    ['http://127.0.0.1:8080/', true],
    ['ws://10.0.0.1/', true],
    ['file:///etc/passwd', true],
    ['ftp://x/', true],
    ['app://bundle.evil/x.js', true],
    ['app://bundle/assets/index.js', false],
    ['data:image/png;base64,AAAA', false],
    ['blob:app://bundle/5f1c', false],
  ])('a request to %s is cancelled: %s', (url, cancel) => {
    const callback = vi.fn();
    recorded.beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
  });
});

/** Directive name → sources, as a browser reads the header. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `directive ${name} appears twice`).toBe(false);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('content security policy (item 5)', () => {
  const csp = parseCsp(contentSecurityPolicy);

  it('has no unsafe-* source anywhere', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-/i);
  });

  it('denies by default and runs only the bundle’s own scripts', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
  });

  it('closes plugins, base rewriting, form posts and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(csp.get(name), name).toEqual(["'none'"]);
  });

  it('names no host, wildcard or network scheme', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(["'self'", "'none'", 'data:', 'blob:'], `${name} ${source}`).toContain(source);
      }
    }
    // data: and blob: only where pdf.js and rendered pages need them, never for scripts or workers.
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
  });
});

describe('IPC sender check (item 6)', () => {
  it('trusts only the top frame of a page on app://bundle', () => {
    expect(isTrustedSender(ipcEvent(topAppFrame))).toBe(true);
  });

  it.each([
    ['a destroyed or missing frame', null],
    ['an iframe on the app origin', { url: 'app://bundle/index.html', parent: topAppFrame }],
    ['a foreign top frame', { url: 'https://evil.example/', parent: null }],
    ['a look-alike origin', { url: 'app://bundle.evil/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['an about:blank frame', { url: 'about:blank', parent: null }],
  ])('rejects %s', (_label, frame) => {
    expect(isTrustedSender(ipcEvent(frame))).toBe(false);
  });
});

describe('what the OS may open (item 9)', () => {
  // Real path: the check returns resolved paths, and tmpdir() is itself a symlink on macOS.
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'rd-openable-')));
  const dataDir = path.join(base, 'data');
  mkdirSync(path.join(dataDir, 'packages', 'p1'), { recursive: true });
  mkdirSync(path.join(dataDir, 'packages', 'folder.pdf'));
  const inside = (name: string) => path.join(dataDir, 'packages', 'p1', name);
  for (const name of ['方案.pdf', '概算表.XLSX', 'evil.exe', 'run.bat', 'macro.docm', 'noext']) writeFileSync(inside(name), 'x');
  writeFileSync(path.join(base, 'outside.pdf'), 'x');
  symlinkSync(path.join(base, 'outside.pdf'), inside('link.pdf'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('allows an imported document inside the data folder, returning its real path', async () => {
    expect(await openableDocumentPath(inside('方案.pdf'), dataDir)).toBe(inside('方案.pdf'));
    expect(await openableDocumentPath(inside('概算表.XLSX'), dataDir)).toBe(inside('概算表.XLSX'));
  });

  it.each([
    ['an executable', () => inside('evil.exe')],
    ['a script', () => inside('run.bat')],
    ['a macro-enabled document', () => inside('macro.docm')],
    ['a file without extension', () => inside('noext')],
    ['a file outside the data folder', () => path.join(base, 'outside.pdf')],
    ['a traversal out of the data folder', () => path.join(dataDir, '..', 'outside.pdf')],
    ['a symlink inside pointing outside', () => inside('link.pdf')],
    ['a directory with a document name', () => path.join(dataDir, 'packages', 'folder.pdf')],
    ['a relative path', () => 'packages/p1/方案.pdf'],
    ['a missing file', () => inside('gone.pdf')],
  ])('refuses %s', async (_label, target) => {
    expect(await openableDocumentPath(target(), dataDir)).toBeNull();
  });
});
