// Owns every hardening decision for the desktop shell, in one place: reading this file answers "what can a malicious document do?".
//
// Documents from a USB stick are shown only in the renderer. Whatever script or markup they smuggle in:
// - the page has no Node, no `require`, no webviews, and runs in Chromium's OS sandbox (`webPreferences`);
// - only the app's own files on app://bundle may run or load, never inline script (`contentSecurityPolicy`);
// - it cannot navigate, redirect, open windows or embed webviews off app://bundle (`hardenWebContents`);
// - it cannot reach the network or any other scheme, and every permission is refused (`hardenSession`);
// - it reaches the main process through one channel, only from the app's top frame, and every payload is
//   validated against the contract before any handler runs (`isTrustedSender`, electron/main/ipc.ts);
// - it can ask the OS to open only a document file the app imported into its own data folder (`openableDocumentPath`).
// The packaged binary cannot be turned into a plain Node (RunAsNode, NODE_OPTIONS, --inspect fuses off) or
// made to load code from outside its checked app.asar: see `electronFuses` in electron-builder.yml.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The window's preferences. Every key is stated even where it equals Electron's default, so a reviewer sees the choice. */
export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // The spellchecker would download dictionaries from Google's CDN: the review machines are offline.
    spellcheck: false,
  };
}

/**
 * Sent as a header on every HTML response of app://. pdf.js needs no `blob:` worker: it only wraps the worker in
 * a blob when its script is cross-origin, and ours is same-origin. Images may be `data:`/`blob:` (rendered pages,
 * pdf.js annotation icons); fonts may be `data:` (pdf.js embedded fonts).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True only for URLs on exactly app://bundle. Parsed, never prefix-matched: `app://bundle.evil`, `app://bundle@evil`
 * and `app://bundle:1` all have another host. Credentials are refused outright.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

interface Preventable {
  preventDefault(): void;
}

function stayOnApp(event: Preventable & { url: string }): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/** Keeps a page on app://bundle: no navigation or redirect away, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', stayOnApp);
  contents.on('will-frame-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // webviewTag is already false; this refuses one even if a preference is ever loosened.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Schemes a page may load besides app://bundle: inline data it already holds, and DevTools' own pages in development. */
const localSchemes = new Set(['data:', 'blob:', 'devtools:']);

function isLocalRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return localSchemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Refuses every permission (camera, clipboard read, notifications, devices …) and every request that leaves app://bundle. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The CSP already forbids foreign origins; this also covers workers, whose CSP comes from their own response.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
}

/** An IPC call counts only if it comes from the top frame of a page on app://bundle (never an iframe or a foreign page). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** True when `candidate` is `root` itself or lies below it; both must already be resolved. */
export function isPathInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * Document types the OS may open for a reviewer (PDF, OFD, Word/WPS, Excel/WPS, images). Executables, scripts,
 * shortcuts and macro-enabled formats are absent on purpose: a package could carry them under a document's name.
 */
const openableExtensions = new Set([
  '.pdf',
  '.ofd',
  '.doc',
  '.docx',
  '.wps',
  '.xls',
  '.xlsx',
  '.et',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.bmp',
  '.tif',
  '.tiff',
]);

/**
 * The shell's check before showing a folder in the file manager: the real path (symlinks followed) when it is an
 * existing directory, else null. Which folders may be shown at all is the core's decision (the ones it wrote to).
 */
export async function existingFolderPath(absPath: string): Promise<string | null> {
  if (!path.isAbsolute(absPath)) return null;
  try {
    const real = await realpath(absPath);
    return (await stat(real)).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

/**
 * The shell's check before `shell.openPath` (reliability item 9): returns the real path (symlinks followed) when it
 * is a regular file inside the app's data folder, where the core keeps what it imported, with a document extension;
 * otherwise null. The caller opens the returned real path, so a link swapped in afterwards is not followed.
 */
export async function openableDocumentPath(absPath: string, dataDir: string): Promise<string | null> {
  if (!path.isAbsolute(absPath)) return null;
  try {
    const [real, realDataDir] = await Promise.all([realpath(absPath), realpath(dataDir)]);
    if (!isPathInside(realDataDir, real) || !openableExtensions.has(path.extname(real).toLowerCase())) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
