// Owns the sandboxed preload: exposes the contract's Bridge (`call`, `on`) to the page as `window.reviewDesk`, and nothing else.
// Sandboxed preloads may require only 'electron': shared/api.ts contributes types, never code.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge, Envelope } from '../shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

const bridge = {
  call: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input) as Promise<Envelope<unknown>>,
  on(listener) {
    // The IpcRendererEvent (with its `sender`) stays here: the page gets the event's name and payload only.
    const relay = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('reviewDesk', bridge);
