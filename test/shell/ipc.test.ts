// Proves the IPC boundary (reliability item 6): only the app's top frame reaches the core, and whatever a page sends,
// the real dispatcher answers with an Envelope, runs a handler only on contract-valid input, and pollutes no prototype.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { api, apiErrorCodes, isMethodName, type Envelope, type MethodName } from '../../shared/api';
import { createDispatcher } from '../../electron/core/api/dispatch';
import type { Handlers } from '../../electron/core/kernel/handlers';
import { callHandler, registerIpc, sendEvent } from '../../electron/main/ipc';
import { fakeWebContents, ipcEvent, topAppFrame } from './fakes';

const { handle } = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ ipcMain: { handle } }));

const methodNames = Object.keys(api) as MethodName[];
const refused = { ok: false, error: { code: 'invalid-input', message: '拒绝来自非应用页面的请求' } };

describe('the rd:call channel', () => {
  it('is the only channel registered, and it calls the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'v' }));
    registerIpc(dispatch);
    expect(handle).toHaveBeenCalledTimes(1);
    const [channel, listener] = handle.mock.calls[0]!;
    expect(channel).toBe('rd:call');
    await expect(listener(ipcEvent(topAppFrame), 'app.info', {})).resolves.toEqual({ ok: true, value: 'v' });
  });

  it.each([
    ['no frame', null],
    ['an iframe', { url: 'app://bundle/index.html', parent: topAppFrame }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a look-alike origin', { url: 'app://bundle@evil/', parent: null }],
  ])('refuses %s without reaching the core', async (_label, frame) => {
    const dispatch = vi.fn();
    await expect(callHandler(dispatch)(ipcEvent(frame), 'session.list', {})).resolves.toEqual(refused);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes a trusted call through unchanged', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    await callHandler(dispatch)(ipcEvent(topAppFrame), 'ui.save', { theme: 'dark' });
    expect(dispatch).toHaveBeenCalledWith('ui.save', { theme: 'dark' });
  });
});

describe('core events to the window', () => {
  it('go out on rd:event as (name, payload)', () => {
    const fake = fakeWebContents();
    sendEvent(fake.contents, 'job.progress', { jobId: 'j' });
    expect(fake.send).toHaveBeenCalledWith('rd:event', 'job.progress', { jobId: 'j' });
  });

  it('are dropped when the window is gone', () => {
    const fake = fakeWebContents();
    fake.isDestroyed.mockReturnValue(true);
    sendEvent(fake.contents, 'job.progress', {});
    sendEvent(undefined, 'job.progress', {});
    expect(fake.send).not.toHaveBeenCalled();
  });
});

// A real dispatcher over a fake handler table: every handler records that it ran; some throw, like a failing write would.
const ran: MethodName[] = [];
const handlers = Object.fromEntries(
  methodNames.map((name, i) => [
    name,
    () => {
      ran.push(name);
      if (i % 2 === 0) throw new Error('handler failed');
      return null;
    },
  ]),
) as unknown as Handlers;
const trustedCall = callHandler(createDispatcher(handlers, () => undefined));

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as Record<string, unknown>;
  if (envelope.ok === true) return 'value' in envelope;
  const error = envelope.error as Record<string, unknown> | undefined;
  return (
    envelope.ok === false &&
    typeof error === 'object' &&
    (apiErrorCodes as readonly unknown[]).includes(error.code) &&
    typeof error.message === 'string' &&
    error.message.length > 0
  );
}

const protoKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const contractKeys = fc.constantFrom('jobId', 'source', 'kind', 'path', 'bytes', 'name', 'folder', 'documentKey', 'sessionId', 'position');
/** JSON.parse makes `__proto__` an own key, exactly as a structured-cloned IPC payload would carry it. */
const protoPayload = fc.tuple(fc.jsonValue(), fc.dictionary(contractKeys, fc.jsonValue())).map(([inner, rest]) => {
  const others = JSON.stringify(rest).slice(1, -1);
  return JSON.parse(`{"__proto__": {"polluted": ${JSON.stringify(inner)}}${others ? `, ${others}` : ''}}`) as unknown;
});
const constructorPayload = fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown);
/** Inputs that satisfy the contract, so the "handler runs" side of the property is exercised too. */
const wellFormed = fc.oneof(
  fc.constant({}),
  fc.record({ folder: fc.boolean() }),
  fc.record({ jobId: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ sessionId: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ documentKey: fc.integer({ min: -3, max: 1000 }) }),
  fc.record({ jobId: fc.string({ minLength: 1 }), source: fc.record({ kind: fc.constant('path'), path: fc.string() }) }),
);
const hostile = fc.anything({
  key: fc.oneof(fc.string(), protoKeys, contractKeys),
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
});
const anyName = fc.oneof(fc.constantFrom(...methodNames), protoKeys, fc.string(), fc.anything());
const anyInput = fc.oneof(wellFormed, protoPayload, constructorPayload, hostile);
/** Half the calls name a real method with a plausible input, so handlers do get to run. */
const anyCall = fc.oneof(fc.tuple(anyName, anyInput), fc.tuple(fc.constantFrom(...methodNames), wellFormed));

describe('the dispatcher behind rd:call, under random payloads', () => {
  it('always resolves to an Envelope, runs a handler only on contract-valid input, and pollutes nothing', async () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    let handlerRuns = 0;
    await fc.assert(
      fc.asyncProperty(anyCall, async ([name, input]) => {
        const valid = typeof name === 'string' && isMethodName(name) && api[name].input.safeParse(input).success;
        ran.length = 0;
        const result = await trustedCall(ipcEvent(topAppFrame), name, input);
        expect(isEnvelope(result)).toBe(true);
        if (valid) {
          expect(ran).toEqual([name]);
          handlerRuns += 1;
        } else {
          expect(ran).toEqual([]);
          expect(result.ok).toBe(false);
          const expected = typeof name === 'string' && isMethodName(name) ? 'invalid-input' : 'unknown-method';
          expect(!result.ok && result.error.code).toBe(expected);
        }
      }),
      { numRuns: 3000 },
    );
    expect(handlerRuns).toBeGreaterThan(50);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses __proto__ keys on every method without running its handler', async () => {
    for (const name of methodNames) {
      ran.length = 0;
      const input = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
      const result = await trustedCall(ipcEvent(topAppFrame), name, input);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(ran, name).toEqual([]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
