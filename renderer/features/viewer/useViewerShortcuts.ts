// Owns the document shortcuts while a viewer is open: Ctrl+= / Ctrl+- / Ctrl+0 zoom, Ctrl+F find.
import { useEffect } from 'react';
import { isMod } from '../../lib/keys';
import { useViewer } from './store';

export function useViewerShortcuts({ zoom, find }: { zoom: boolean; find: boolean }): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isMod(e) || e.altKey) return;
      const viewer = useViewer.getState();
      if (zoom && (e.key === '=' || e.key === '+')) viewer.zoomBy(1);
      else if (zoom && (e.key === '-' || e.key === '_')) viewer.zoomBy(-1);
      else if (zoom && e.key === '0') viewer.setFitWidth(true);
      else if (find && !e.shiftKey && e.key.toLowerCase() === 'f')
        viewer.requestFindFocus(); // Ctrl+Shift+F is 全文检索
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoom, find]);
}
