// Owns the recording stand-ins for Electron objects the shell tests hand to shell code (no Electron binary here).
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** A WebContents that records `on(...)` listeners and the window-open handler. */
export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: Listener | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: Listener) {
      windowOpenHandler = handler;
    },
    isDestroyed: vi.fn(() => false),
    send: vi.fn(),
  };
  return {
    contents: contents as unknown as WebContents,
    listeners: (event: string) => listeners.get(event) ?? [],
    windowOpenHandler: () => windowOpenHandler,
    send: contents.send,
    isDestroyed: contents.isDestroyed,
  };
}

/** A Session that records the permission handlers and the onBeforeRequest listener. */
export function fakeSession() {
  const recorded: {
    request?: Listener;
    check?: Listener;
    device?: Listener;
    beforeRequest?: Listener;
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: Listener) => (recorded.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (recorded.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (recorded.device = handler),
    webRequest: { onBeforeRequest: (listener: Listener) => (recorded.beforeRequest = listener) },
  };
  return { session: session as unknown as Session, recorded };
}

/** An IPC event whose sender frame is `frame` (null: the frame is gone; `parent` set: an iframe). */
export function ipcEvent(frame: { url: string; parent: object | null } | null): IpcMainInvokeEvent {
  return { senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

export const topAppFrame = { url: 'app://bundle/index.html', parent: null };
