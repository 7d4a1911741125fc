// Proves the app:// handler (reliability item 2): it serves the bundle with the right types and CSP, and nothing outside it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../electron/main/bundleFiles';
import { registerAppScheme } from '../../electron/main/protocol';
import { contentSecurityPolicy } from '../../electron/main/security';

const { registerSchemesAsPrivileged } = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn() }));
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged } }));

const SECRET = 'SECRET-never-served';
const INDEX = '<!doctype html><title>评审工作台</title>';

// base/secret.txt and base/secret (outside); base/root is the bundle.
const base = mkdtempSync(path.join(tmpdir(), 'rd-protocol-'));
const root = path.join(base, 'root');
mkdirSync(path.join(root, 'assets'), { recursive: true });
mkdirSync(path.join(root, 'pdfjs', 'wasm'), { recursive: true });
writeFileSync(path.join(base, 'secret.txt'), SECRET);
writeFileSync(path.join(base, 'secret'), SECRET);
writeFileSync(path.join(root, 'index.html'), INDEX);
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export {}');
writeFileSync(path.join(root, 'assets', 'worker.mjs'), 'export {}');
writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(root, 'pdfjs', 'wasm', 'openjpeg.wasm'), new Uint8Array([0, 97, 115, 109]));
writeFileSync(path.join(root, 'assets', 'unknown.xyz'), 'x');
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
symlinkSync(path.join(base, 'secret'), path.join(root, 'leak'));
symlinkSync(base, path.join(root, 'up'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler(root);

/** A real Request (so its URL is normalised as Chromium's would be), except where Node's refuses the URL outright. */
function request(url: string): Request {
  try {
    return new Request(url);
  } catch {
    return { url } as Request; // e.g. credentials in the URL; the handler reads only `url`.
  }
}

async function get(url: string) {
  const response = await handler(request(url));
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('app:// scheme registration', () => {
  it('is standard, secure and fetch-capable, and nothing more', () => {
    registerAppScheme();
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('app:// never reads outside the bundle', () => {
  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%2Fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/%5c..%5csecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/a%00b',
    'app://bundle/index.html%00.js',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:%5cWindows%5cwin.ini',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://bundle@evil/index.html',
    'https://bundle/index.html',
    'app://bundle/leak.txt',
    'app://bundle/leak',
    'app://bundle/up/secret.txt',
    'app://bundle/missing.js',
  ])('%s → 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it('normalised-away dot segments land inside the bundle: a route still gets the page, never the file outside', async () => {
    for (const url of ['app://bundle/../secret', 'app://bundle/%2e%2e/secret']) {
      const response = await get(url);
      expect(response.body).not.toContain(SECRET);
      expect(response.body).toBe(INDEX);
    }
  });
});

describe('app:// serves the bundle', () => {
  it('index.html with the CSP header', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('the origin itself as index.html', async () => {
    expect((await get('app://bundle/')).body).toBe(INDEX);
    expect((await get('app://bundle')).body).toBe(INDEX);
  });

  it('client-side routes (no extension) as index.html', async () => {
    const response = await get('app://bundle/sessions/42?tab=score');
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    ['app://bundle/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://bundle/assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['app://bundle/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://bundle/pdfjs/wasm/openjpeg.wasm', 'application/wasm'],
    ['app://bundle/assets/unknown.xyz', 'application/octet-stream'],
  ])('%s as %s, never sniffed', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
