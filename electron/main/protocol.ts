// Owns registering the app:// scheme with Chromium (the only part of serving the bundle that needs Electron).
import { protocol } from 'electron';
import { APP_SCHEME } from './security';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin (app://bundle), so 'self', relative URLs and module workers behave as on https.
      // secure: a secure context, as the page would have on https. supportFetchAPI: pdf.js fetches cMaps, fonts, wasm.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}
