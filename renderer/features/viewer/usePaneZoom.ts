// Owns zoom for viewers without pages (Word, image): the pane's width, the fit zoom it allows, and the zoom in force.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { clampZoom, useViewer } from './store';

const MARGIN = 48;

/** `naturalWidth` is the content's width at zoom 1; fit never enlarges past `maxFit`. */
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

  const fitZoom = clampZoom(Math.min(maxFit, (paneWidth - MARGIN) / Math.max(1, naturalWidth)));
  const effectiveZoom = fitWidth ? fitZoom : zoom;

  // The saved position keeps a zoom, not the mode: a saved zoom equal to this pane's fit zoom means 适合宽度 was on.
  const checkedMode = useRef(false);
  useEffect(() => {
    if (paneWidth === 0 || checkedMode.current) return;
    checkedMode.current = true;
    if (!fitWidth && Math.abs(zoom - fitZoom) < 0.005) useViewer.getState().setFitWidth(true);
  }, [paneWidth, fitWidth, zoom, fitZoom]);

  useEffect(() => {
    if (fitWidth && paneWidth > 0 && Math.abs(useViewer.getState().zoom - fitZoom) > 0.001) useViewer.setState({ zoom: fitZoom });
  }, [fitWidth, fitZoom, paneWidth]);

  return { ready: paneWidth > 0, zoom: effectiveZoom };
}
