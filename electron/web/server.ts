// Owns the loopback HTTP bridge: the same contract as Electron IPC, over POST /api/call/<name> and SSE, and downloads of
// what the core wrote; behind the per-run token, which the browser exchanges once for an HttpOnly, SameSite=Strict cookie.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { Dispatch } from '../core/api/dispatch';
import { serveBundleFile } from '../main/bundleFiles';
import { APP_ORIGIN } from '../main/security';
import { downloadableFile, sendDownload } from './downloads';

export const TOKEN_HEADER = 'x-review-desk-token';
/** Large enough for a dropped 1 GB package; the importer enforces its own limits after that. */
const MAX_BODY_BYTES = 2 ** 30;

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  token: string;
  /** Folders whose files `GET /api/file?path=` may send (downloadRoots of the data folder); none when absent. */
  downloadRoots?: readonly string[];
  port?: number;
}

export interface WebServer {
  url: string;
  port: number;
  /** Pushes a contract event to every open page. */
  broadcast(name: string, payload: unknown): void;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const streams = new Set<http.ServerResponse>();
  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  // The browser's credential: never the token itself, so the token can stay out of every later request and log line.
  const cookieSecret = randomBytes(32).toString('hex');
  // Cookies are scoped by host, not port: the port in the name keeps two instances on one machine apart.
  const cookieName = () => `rd_session_${port}`;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach the API.
    const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!ownHosts.includes(req.headers.host ?? '')) return deny(res, 421);
    // Cross-site requests (a form or fetch from any other page, even one on another local port) are refused outright.
    if (!sameOrigin(req, ownHosts)) return deny(res, 403);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const token = url.searchParams.get('token');
    if (token !== null && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // The printed URL: its token becomes the cookie, and the address loses it, so a reload, a bookmark or a new tab
      // opened from the address bar works without ever showing or storing the token again.
      url.searchParams.delete('token');
      const headers: http.OutgoingHttpHeaders = { Location: url.pathname + url.search, 'Cache-Control': 'no-store' };
      if (secretMatches(token, options.token)) {
        headers['Set-Cookie'] = `${cookieName()}=${cookieSecret}; HttpOnly; SameSite=Strict; Path=/`;
      }
      res.writeHead(303, headers);
      return void res.end();
    }
    if (url.pathname.startsWith('/api/')) {
      const authorised =
        secretMatches(req.headers[TOKEN_HEADER], options.token) || secretMatches(readCookie(req, cookieName()), cookieSecret);
      if (!authorised) return deny(res, 401);
    }
    if (url.pathname.startsWith('/api/call/') && req.method === 'POST') {
      let input: unknown;
      try {
        input = decodeWire(await readBody(req));
      } catch {
        return deny(res, 400);
      }
      const envelope = await options.dispatch(decodeURIComponent(url.pathname.slice('/api/call/'.length)), input);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(encodeWire(envelope));
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/api/file' && (req.method === 'GET' || req.method === 'HEAD')) {
      const file = await downloadableFile(url.searchParams.get('path') ?? '', options.downloadRoots ?? []);
      return file ? sendDownload(res, file, req.method === 'HEAD') : deny(res, 404);
    }
    if (url.pathname.startsWith('/api/')) return deny(res, 404);
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405);
    // The same confinement as the desktop's app:// handler: one implementation decides what may be served.
    const response = await serveBundleFile(options.rendererDir, new Request(APP_ORIGIN + url.pathname));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => streams.forEach((s) => s.write(': ping\n\n')), 15_000);
  heartbeat.unref();

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    broadcast(name, payload) {
      const frame = `event: rd\ndata: ${JSON.stringify({ name, payload })}\n\n`;
      streams.forEach((s) => s.write(frame));
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        streams.forEach((s) => s.end());
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function secretMatches(given: string | string[] | null | undefined, secret: string): boolean {
  if (typeof given !== 'string' || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/**
 * False when the browser says the request comes from another site: an `Origin` that is not this server's, or a
 * `Sec-Fetch-Site` other than same-origin or none (typed into the address bar). Clients that send neither (curl,
 * tests) still need the token.
 */
function sameOrigin(req: http.IncomingMessage, ownHosts: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !ownHosts.some((h) => origin === `http://${h}`)) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function deny(res: http.ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(http.STATUS_CODES[status] ?? 'Error');
}

async function readBody(req: http.IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
