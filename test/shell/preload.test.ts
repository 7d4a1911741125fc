// Proves the preload (reliability item 7): the page gets `call` and `on` only, never ipcRenderer or an IPC event object,
// and the bundled preload requires nothing but 'electron' (all a sandboxed preload may load).
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';

type Relay = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Relay[]>();
  const ipcRenderer = {
    invoke: vi.fn(async () => ({ ok: true, value: 'answer' })),
    on: vi.fn((channel: string, relay: Relay) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), relay]);
    }),
    removeListener: vi.fn((channel: string, relay: Relay) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((r) => r !== relay),
      );
    }),
  };
  /** What the main process's `webContents.send(channel, ...args)` looks like on this side. */
  const emit = (channel: string, ...args: unknown[]) => {
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const relay of listeners.get(channel) ?? []) relay(event, ...args);
  };
  const exposeInMainWorld = vi.fn();
  return { ipcRenderer, emit, exposeInMainWorld };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
}));

await import('../../electron/preload');
const [[worldKey, exposed]] = electron.exposeInMainWorld.mock.calls as [[string, Record<string, unknown>]];
const bridge = exposed as { call(name: string, input: unknown): Promise<unknown>; on(listener: Relay): () => void };

describe('the preload bridge', () => {
  it('is exposed once, as window.reviewDesk, with exactly call and on', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(worldKey).toBe('reviewDesk');
    expect(Object.keys(exposed).sort()).toEqual(['call', 'on']);
    for (const value of Object.values(exposed)) {
      expect(typeof value).toBe('function');
      expect(Object.values(electron.ipcRenderer)).not.toContain(value);
    }
  });

  it('call invokes rd:call with the name and input and returns the envelope', async () => {
    await expect(bridge.call('session.get', { sessionId: 's1' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('rd:call', 'session.get', { sessionId: 's1' });
  });

  it('on delivers (name, payload) and never the IPC event', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.on(listener);
    electron.emit('rd:event', 'job.progress', { jobId: 'j1', done: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['job.progress', { jobId: 'j1', done: 3 }]);
    for (const arg of listener.mock.calls[0]!) expect(arg).not.toHaveProperty('sender');

    electron.emit('some-other-channel', 'job.progress', {});
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    electron.emit('rd:event', 'job.progress', {});
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('bundles to code that requires only electron', async () => {
    // The same esbuild settings as scripts/build-node.mjs.
    const result = await build({
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      external: ['electron', 'better-sqlite3'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\(/);
  });
});
