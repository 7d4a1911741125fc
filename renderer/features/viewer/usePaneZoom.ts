// Owns zoom for viewers without pages (Word, image): the pane's width, the fit zoom it allows, and the zoom in force.
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { clampZoom, useViewer } from './store';

const MARGIN = 48;

/** `naturalWidth` is the content's width at zoom 1 (0 while unknown); fit never enlarges past `maxFit`. */
export function usePaneZoom(paneRef: RefObject<HTMLElement | null>, naturalWidth: number, maxFit = 2) {
  const [paneWidth, setPaneWidth] = useState(0);
  const zoom = useViewer((s) => s.zoom);
  const fitWidth = useViewer((s) => s.fitWidth);

  useLayoutEffect(() => {
    const el = paneRef.current;
    if (!el) return;
    setPaneWidth(el.clientWidth);
    const resize = new ResizeObserver(() => setPaneWidth(el.clientWidth));
    resize.observe(el);
    return () => resize.disconnect();
  }, [paneRef]);

  const known = paneWidth > 0 && naturalWidth > 0;
  const fitZoom = known ? clampZoom(Math.min(maxFit, (paneWidth - MARGIN) / naturalWidth)) : 1;
  const effectiveZoom = fitWidth ? fitZoom : zoom;

  useEffect(() => {
    if (fitWidth && known && Math.abs(useViewer.getState().zoom - fitZoom) > 0.001) useViewer.setState({ zoom: fitZoom });
  }, [fitWidth, fitZoom, known]);

  /** What to save as the reading position's zoom: none while fitting, so the document fits again when reopened. */
  const savedZoom = fitWidth ? undefined : effectiveZoom;
  return { ready: known, zoom: effectiveZoom, savedZoom };
}
