// Owns fetching a template's PDF preview for one project (or the session), again shortly after the draft stops changing,
// keeping the last preview on screen meanwhile so typing does not make the pages flash.
import type { TextEdit } from '../../../shared/output';
import { useRemote } from '../../lib/useRemote';

/** How long the draft must be still before the preview is made again. */
const DEBOUNCE_MS = 400;

export type Preview =
  | { state: 'idle' }
  | { state: 'loading'; bytes: Uint8Array | null }
  | { state: 'ready'; bytes: Uint8Array }
  | { state: 'error'; error: unknown };

export function usePreview(
  request: { sessionId: string; projectId: string | null; templateId: string; edits: TextEdit[] } | null,
): Preview {
  // The first preview of a template comes at once; changes to a draft wait for a pause in typing.
  const remote = useRemote('output.preview', request, [], { delayMs: request?.edits.length ? DEBOUNCE_MS : 0 });
  switch (remote.state) {
    case 'idle':
      return remote;
    case 'loading':
      return { state: 'loading', bytes: remote.previous };
    case 'error':
      return { state: 'error', error: remote.error };
    case 'ready':
      return { state: 'ready', bytes: remote.value };
  }
}
