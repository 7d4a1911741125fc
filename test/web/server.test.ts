// The loopback bridge: token, cookie, Host and Origin checks, binary-safe calls through the real core, progress events over SSE,
// static confinement, and downloads confined to the output folders.
import http from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/web/server';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { Envelope } from '../../shared/api';
import { tempDir, writeMinimalPackage } from '../helpers/core';

const token = 'a'.repeat(48);
let core: Core;
let server: WebServer;
let outputs: string;
const events: { name: string; payload: unknown }[] = [];

beforeAll(async () => {
  const rendererDir = tempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>评审工作台</title>');
  mkdirSync(path.join(rendererDir, '..', 'outside'), { recursive: true });
  writeFileSync(path.join(rendererDir, '..', 'outside', 'secret.txt'), 'SECRET');
  core = await openCore({
    dataDir: tempDir(),
    version: 'test',
    transport: 'http',
    choosePath: null,
    openPath: async () => false,
    openFolder: async () => false,
    emit: (n, p) => server.broadcast(n, p),
  });
  outputs = tempDir();
  mkdirSync(path.join(outputs, '评审会'), { recursive: true });
  writeFileSync(path.join(outputs, '评审会', "专家评审意见表（1）'a'.pdf"), '%PDF-1.7 test');
  symlinkSync(path.join(rendererDir, '..', 'outside', 'secret.txt'), path.join(outputs, 'link.txt'));
  server = await startWebServer({ dispatch: core.dispatch, rendererDir, token, downloadRoots: [outputs] });
});
afterAll(async () => {
  await server.close();
  core.close();
});

function request(
  pathname: string,
  init: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function call(name: string, input: unknown): Promise<Envelope<unknown>> {
  const res = await request(`/api/call/${name}`, { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: encodeWire(input) });
  expect(res.status).toBe(200);
  return decodeWire(new Uint8Array(res.body)) as Envelope<unknown>;
}

describe('web bridge', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('refuses calls without the token, with a wrong token, or under a foreign Host name', async () => {
    const body = encodeWire({});
    expect((await request('/api/call/app.info', { method: 'POST', body })).status).toBe(401);
    expect((await request('/api/call/app.info', { method: 'POST', headers: { [TOKEN_HEADER]: 'b'.repeat(48) }, body })).status).toBe(401);
    expect(
      (await request('/api/call/app.info', { method: 'POST', headers: { [TOKEN_HEADER]: token, Host: 'evil.example:80' }, body })).status,
    ).toBe(421);
    expect((await request('/api/events')).status).toBe(401);
  });

  it('answers contract calls, and rejects unknown methods and bad input with Chinese errors', async () => {
    expect(await call('app.info', {})).toEqual({ ok: true, value: { version: 'test', nativeDialogs: false, transport: 'http' } });
    const unknown = await call('fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const bad = await call('reading.save', { documentKey: -1, position: {} });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // In the user's words: zod's Chinese message, never the call's name or the field's path.
    expect((bad as { error: { message: string } }).error.message).toMatch(/^请求参数有误：.*[\u4e00-\u9fff]/);
    expect((bad as { error: { message: string } }).error.message).not.toMatch(/reading\.save|documentKey|position/);
  });

  it('imports uploaded package bytes, streams progress events, and returns document bytes unchanged', async () => {
    const folder = await writeMinimalPackage(tempDir());
    const { writePackageZip } = await import('../../electron/core/package/write');
    const zip = path.join(tempDir(), 'p.rpkg');
    await writePackageZip(folder, zip);
    const { readFileSync } = await import('node:fs');

    const sse = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { [TOKEN_HEADER]: token } }, resolve),
    );
    sse.setEncoding('utf8');
    let buffered = '';
    sse.on('data', (chunk: string) => {
      buffered += chunk;
      for (const frame of buffered.split('\n\n').slice(0, -1)) {
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)));
      }
      buffered = buffered.split('\n\n').at(-1)!;
    });

    const imported = await call('package.import', {
      jobId: 'web-1',
      source: { kind: 'upload', name: 'p.rpkg', bytes: new Uint8Array(readFileSync(zip)) },
    });
    expect(imported).toMatchObject({ ok: true, value: { title: '测试评审会', projectCount: 1 } });
    const session = (await call('session.get', { sessionId: (imported as { value: { id: string } }).value.id })) as {
      value: { projects: { documents: { key: number; path: string }[] }[] };
    };
    const doc = session.value.projects[0]!.documents[0];
    const content = (await call('document.content', { documentKey: doc!.key })) as { value: Uint8Array };
    expect(Buffer.from(content.value).equals(readFileSync(path.join(folder, doc!.path)))).toBe(true);

    await new Promise((r) => setTimeout(r, 100));
    sse.destroy();
    const phases = events
      .filter((e) => (e.payload as { jobId: string }).jobId === 'web-1')
      .map((e) => (e.payload as { phase: string }).phase);
    expect(phases).toContain('verify');
    expect(phases).toContain('commit');
  });

  it('serves the renderer and nothing outside its folder', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    for (const p of [
      '/../outside/secret.txt',
      '/%2e%2e/outside/secret.txt',
      '/..%2foutside%2fsecret.txt',
      '/%5c..%5coutside%5csecret.txt',
    ]) {
      const res = await request(p);
      expect(res.body.toString()).not.toContain('SECRET');
    }
  });

  it('exchanges the URL token once for an HttpOnly, SameSite=Strict cookie and strips it from the address', async () => {
    const res = await request(`/?token=${token}&x=1`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/?x=1');
    const setCookie = res.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(new RegExp(`^rd_session_${server.port}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(setCookie).not.toContain(token);
    const cookie = setCookie.split(';')[0]!;
    // The cookie alone opens the API (a reload, a new tab from the address bar); a forged one does not.
    const info = await request('/api/call/app.info', { method: 'POST', headers: { Cookie: cookie }, body: encodeWire({}) });
    expect(info.status).toBe(200);
    expect(decodeWire(new Uint8Array(info.body))).toMatchObject({ ok: true });
    const forged = `rd_session_${server.port}=${'0'.repeat(64)}`;
    expect((await request('/api/call/app.info', { method: 'POST', headers: { Cookie: forged }, body: encodeWire({}) })).status).toBe(401);
    expect((await request('/api/events', { headers: { Cookie: forged } })).status).toBe(401);
    // A wrong token is stripped too, but earns no cookie.
    const wrong = await request(`/?token=${'b'.repeat(48)}`);
    expect(wrong.status).toBe(303);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses cross-site requests even with a valid cookie or token (Origin, Sec-Fetch-Site)', async () => {
    const cookie = (await request(`/?token=${token}`)).headers['set-cookie']![0]!.split(';')[0]!;
    const body = encodeWire({});
    const post = (headers: Record<string, string>) => request('/api/call/app.info', { method: 'POST', headers, body });
    expect((await post({ Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ Cookie: cookie, Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await post({ [TOKEN_HEADER]: token, Origin: 'null' })).status).toBe(403);
    expect((await post({ Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post({ Cookie: cookie, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    // A cross-site page cannot plant its own session through the token URL either.
    const planted = await request(`/?token=${token}`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(planted.status).toBe(403);
    expect((await post({ Cookie: cookie, Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await post({ Cookie: cookie, Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('downloads a file from the output folders only, named in RFC 5987 UTF-8, and only when authorised', async () => {
    const file = path.join(outputs, '评审会', "专家评审意见表（1）'a'.pdf");
    const url = `/api/file?path=${encodeURIComponent(file)}`;
    expect((await request(url)).status).toBe(401);
    const res = await request(url, { headers: { [TOKEN_HEADER]: token } });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('%PDF-1.7 test');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('专家评审意见表（1）')}%27a%27.pdf`,
    );
    // Decoding the header gives the user's file name back.
    const encoded = /filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition']!)![1]!;
    expect(decodeURIComponent(encoded)).toBe("专家评审意见表（1）'a'.pdf");
    for (const p of [
      path.join(outputs, '..', 'outside', 'secret.txt'),
      path.join(outputs, '评审会', '..', '..', 'outside', 'secret.txt'),
      path.join(outputs, 'link.txt'), // a symlink inside pointing outside
      path.join(outputs, '评审会'), // a folder
      outputs,
      'relative/secret.txt',
      '/etc/passwd',
      `${file}\0.txt`,
    ]) {
      const denied = await request(`/api/file?path=${encodeURIComponent(p)}`, { headers: { [TOKEN_HEADER]: token } });
      expect(denied.status, p).toBe(404);
      expect(denied.body.toString()).not.toContain('SECRET');
    }
  });
});
