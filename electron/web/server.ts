// Owns the loopback HTTP bridge: the same contract as Electron IPC, over POST /api/call/<name> and SSE, behind a per-run token.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { Dispatch } from '../core/api/dispatch';
import { serveBundleFile } from '../main/bundleFiles';
import { APP_ORIGIN } from '../main/security';

export const TOKEN_HEADER = 'x-review-desk-token';
/** Large enough for a dropped 1 GB package; the importer enforces its own limits after that. */
const MAX_BODY_BYTES = 2 ** 30;

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  token: string;
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

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach the API.
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return deny(res, 421);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/call/') && req.method === 'POST') {
      if (!tokenMatches(req.headers[TOKEN_HEADER], options.token)) return deny(res, 401);
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
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, options.token)) return deny(res, 401);
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
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

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
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
