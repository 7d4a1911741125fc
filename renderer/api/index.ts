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

/**
 * Where the browser downloads a file the core wrote (web mode: the bridge sends it only from the app's output
 * folders); null on the desktop, where the file is already on the user's disk and 打开文件夹 shows it.
 */
export function downloadUrl(file: string): string | null {
  return window.reviewDesk ? null : `/api/file?path=${encodeURIComponent(file)}`;
}
export { ApiError } from '../../shared/client';
