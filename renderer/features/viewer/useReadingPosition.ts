// Owns a document's reading position (阅读位置): reading.get once on open, reading.save debounced 500 ms and flushed on close.
import { useEffect, useMemo } from 'react';
import type { ReadingPosition } from '../../../shared/domain';
import { reportError } from '../../kernel/notices';
import { useRemote, type Remote } from '../../lib/useRemote';
import { useViewer } from './store';

const SAVE_DELAY_MS = 500;

export function useReadingPosition(documentKey: number): {
  initial: Remote<ReadingPosition | null>;
  save: (position: ReadingPosition) => void;
} {
  const read = useRemote('reading.get', { documentKey });
  // A failed read only costs the saved place: open at the top rather than not at all.
  const initial = useMemo<Remote<ReadingPosition | null>>(() => (read.state === 'error' ? { state: 'ready', value: null } : read), [read]);

  const saver = useMemo(() => {
    let timer: number | undefined;
    let pending: ReadingPosition | null = null;
    const flush = () => {
      window.clearTimeout(timer);
      if (!pending) return;
      const position = pending;
      pending = null;
      useViewer.getState().savePosition(documentKey, position).catch(reportError);
    };
    const save = (position: ReadingPosition) => {
      pending = clean(position);
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, SAVE_DELAY_MS);
    };
    return { save, flush };
  }, [documentKey]);

  useEffect(() => {
    window.addEventListener('beforeunload', saver.flush);
    return () => {
      window.removeEventListener('beforeunload', saver.flush);
      saver.flush();
    };
  }, [saver]);

  return { initial, save: saver.save };
}

/** The contract is strict: page a positive integer, zoom in (0, 8], scrollTop ≥ 0, undefined fields left out. */
function clean(p: ReadingPosition): ReadingPosition {
  const out: ReadingPosition = {};
  if (p.page !== undefined && p.page >= 1) out.page = Math.round(p.page);
  if (p.zoom !== undefined && p.zoom > 0) out.zoom = Math.min(8, Math.round(p.zoom * 1000) / 1000);
  if (p.scrollTop !== undefined) out.scrollTop = Math.max(0, Math.round(p.scrollTop));
  if (p.sheet !== undefined) out.sheet = p.sheet.slice(0, 200);
  return out;
}
