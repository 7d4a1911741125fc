// Owns the web transport: the Bridge over loopback HTTP (POST /api/call/<name>, wire-encoded) and Server-Sent Events for pushes.
// Authorisation is the server's HttpOnly cookie, set when the printed URL's token was exchanged (before this page loaded),
// so the page never holds a secret and a reload or a new tab from the address bar keeps working.
import type { ApiErrorBody, Bridge, Envelope } from '../../shared/api';
import { decodeWire, encodeWire } from '../../shared/wire';
import { toMegabytes } from '../locale/units';
import { t } from '../locale/zh-CN';

const LARGE_UPLOAD_BYTES = 100 * 1024 * 1024;

function failure(error: ApiErrorBody): Envelope<never> {
  return { ok: false, error };
}

export function createHttpBridge(): Bridge {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  // Connected at once rather than on first subscription, so a job's first progress events are not lost while it opens.
  const source = new EventSource('/api/events');
  source.addEventListener('rd', (message) => {
    let parsed: { name?: unknown; payload?: unknown };
    try {
      parsed = JSON.parse((message as MessageEvent<string>).data);
    } catch {
      return;
    }
    if (typeof parsed.name !== 'string') return;
    for (const listener of listeners) listener(parsed.name, parsed.payload);
  });

  return {
    async call(name, input) {
      let response: Response;
      // A Blob body is streamed to the network service; a plain byte array of a few hundred MB (a dropped
      // package) would be sent in one IPC message, which crashes the tab.
      const body = new Blob([encodeWire(input) as Uint8Array<ArrayBuffer>]);
      try {
        response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body,
        });
      } catch {
        // The browser refuses very large uploads when it runs short of memory; the service is not at fault then.
        const message = body.size > LARGE_UPLOAD_BYTES ? t.transport.uploadTooLarge(toMegabytes(body.size)) : t.transport.unreachable;
        return failure({ code: 'internal', message });
      }
      if (response.status === 401) return failure({ code: 'invalid-input', message: t.transport.badToken });
      if (!response.ok) return failure({ code: 'internal', message: t.transport.httpStatus(response.status) });
      try {
        return decodeWire(new Uint8Array(await response.arrayBuffer())) as Envelope<unknown>;
      } catch {
        return failure({ code: 'internal', message: t.transport.badResponse });
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
