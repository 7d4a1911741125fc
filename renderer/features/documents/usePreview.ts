// Owns fetching a template's PDF preview for one project (or the session), again shortly after the draft stops changing,
// keeping the last preview on screen meanwhile so typing does not make the pages flash.
import { useEffect, useRef, useState } from 'react';
import type { TextEdit } from '../../../shared/output';
import { client } from '../../api';

/** How long the draft must be still before the preview is made again. */
const DEBOUNCE_MS = 400;

export type Preview = { state: 'idle' } | { state: 'loading'; bytes: Uint8Array | null } | { state: 'ready'; bytes: Uint8Array } | { state: 'error'; error: unknown };

export function usePreview(request: { sessionId: string; projectId: string | null; templateId: string; edits: TextEdit[] } | null): Preview {
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const last = useRef<Uint8Array | null>(null);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (!request) {
      setPreview({ state: 'idle' });
      return;
    }
    let current = true;
    setPreview({ state: 'loading', bytes: last.current });
    // The first preview of a template comes at once; changes to a draft wait for a pause in typing.
    const delay = request.edits.length ? DEBOUNCE_MS : 0;
    const timer = window.setTimeout(() => {
      client.call('output.preview', request).then(
        (bytes) => {
          if (!current) return;
          last.current = bytes;
          setPreview({ state: 'ready', bytes });
        },
        (error: unknown) => current && setPreview({ state: 'error', error }),
      );
    }, delay);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // `key` is the request's content: a new object with the same content asks nothing new.
  }, [key]);
  return preview;
}
