// Owns the two IPC channel names shared by the preload and the main process (no imports: the sandboxed preload bundles it).

/** Renderer → main: `invoke(CALL_CHANNEL, name, input)` resolves to an Envelope. */
export const CALL_CHANNEL = 'rd:call';
/** Main → renderer: `send(EVENT_CHANNEL, name, payload)` for the contract's push events. */
export const EVENT_CHANNEL = 'rd:event';
