// Owns serving the built renderer (dist/renderer) and nothing outside it; used by the app:// handler and the web bridge alike.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, isAppUrl, isPathInside } from './security';

// Module scripts and wasm are refused by Chromium unless their exact MIME type is sent.
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // pdf.js data: binary CMaps, Type 1 standard fonts, ICC colour profiles.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.icc': 'application/vnd.iccprofile',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return (request) => serveBundleFile(rootDir, request);
}

/** Answers one app:// request from `rootDir`; anything that is not a regular file inside it is a 404. */
export async function serveBundleFile(rootDir: string, request: Request): Promise<Response> {
  const segments = requestSegments(request.url);
  if (segments === null) return notFound();
  try {
    const root = await realpath(rootDir);
    let file = await locate(root, segments);
    // A path without an extension that names no file is a client-side route: the single page answers it.
    if (file === 'missing' && path.extname(segments.at(-1) ?? '') === '') file = await locate(root, ['index.html']);
    if (file === null || file === 'missing') return notFound();
    return respond(file, await readFile(file));
  } catch {
    return notFound();
  }
}

/**
 * The URL path as plain file names, or null when any part could address something outside the bundle. URL
 * parsing has already removed `..` and `%2e%2e` segments; what remains dangerous only appears after decoding:
 * `%2f`, `%5c` (a separator on Windows), NUL and control characters, `:` (drive letters, NTFS streams), dot names.
 */
function requestSegments(url: string): string[] | null {
  if (!isAppUrl(url)) return null;
  const segments: string[] = [];
  for (const raw of new URL(url).pathname.split('/')) {
    if (raw === '') continue;
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // eslint-disable-next-line no-control-regex -- a bundle path with a control character is refused
    if (name === '.' || name === '..' || /[/\\:\u0000-\u001f\u007f]/.test(name)) return null;
    segments.push(name);
  }
  return segments.length === 0 ? ['index.html'] : segments;
}

/** The real path of a regular file inside `root`; 'missing' if nothing is there; null if it exists but is refused. */
async function locate(root: string, segments: string[]): Promise<string | 'missing' | null> {
  let real: string;
  try {
    real = await realpath(path.join(root, ...segments));
  } catch {
    return 'missing';
  }
  // A symlink in the bundle pointing elsewhere resolves outside `root`: refused, never followed.
  if (!isPathInside(root, real)) return null;
  return (await stat(real)).isFile() ? real : 'missing';
}

function respond(file: string, body: Buffer<ArrayBuffer>): Response {
  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(file),
    'X-Content-Type-Options': 'nosniff',
  };
  if (path.extname(file).toLowerCase() === '.html') headers['Content-Security-Policy'] = contentSecurityPolicy;
  return new Response(body, { status: 200, headers });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
