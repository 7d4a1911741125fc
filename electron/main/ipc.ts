// Owns the IPC transport in the main process: one `rd:call` handler in front of the core's dispatcher, and event forwarding.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Envelope } from '../../shared/api';
import type { Dispatch } from '../core/api/dispatch';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../channels';
import { isTrustedSender } from './security';

const refused: Envelope<never> = {
  ok: false,
  error: { code: 'invalid-input', message: '拒绝来自非应用页面的请求' },
};

/** The `rd:call` listener: a call from anything but the app's top frame never reaches the core. */
export function callHandler(dispatch: Dispatch) {
  return async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) return refused;
    // The dispatcher validates the name and the input against the contract; a non-string name is simply unknown.
    return dispatch(typeof name === 'string' ? name : '', input);
  };
}

/** Registers the single channel; Electron throws if it is registered twice, which is a start-up bug. */
export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(CALL_CHANNEL, callHandler(dispatch));
}

/** Pushes a contract event to the window, if there is one still alive to receive it. */
export function sendEvent(contents: WebContents | undefined, name: string, payload: unknown): void {
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
}
