// The loopback bridge: token and Host checks, binary-safe calls through the real core, progress events over SSE, static confinement.
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  server = await startWebServer({ dispatch: core.dispatch, rendererDir, token });
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
    expect((bad as { error: { message: string } }).error.message).toMatch(/请求参数有误/);
  });

  it('imports uploaded package bytes, streams progress events, and returns document bytes unchanged', async () => {
    const folder = await writeMinimalPackage(tempDir());
    const { writePackageZip } = await import('../../electron/core/package/write');
    const zip = path.join(tempDir(), 'p.rpkg');
    await writePackageZip(folder, zip);
    const { readFileSync } = await import('node:fs');

    const sse = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${token}` }, resolve),
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
});
