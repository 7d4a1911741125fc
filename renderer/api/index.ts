// Owns the renderer's one typed client: the Electron preload's bridge when present, otherwise the loopback HTTP bridge.
import type { Bridge } from '../../shared/api';
import { createClient } from '../../shared/client';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in the browser. */
    reviewDesk?: Bridge;
  }
}

export const client = createClient(window.reviewDesk ?? createHttpBridge());
export { ApiError } from '../../shared/client';
