// Owns drawing recognised (OCR) lines over a page image — a scanned PDF page or a picture: transparent, selectable text
// laid on each line's box as pdf.js lays a text layer, find marks on it, and a note that the text was recognised.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OcrBox } from '../../../shared/ocr';
import { t } from '../../locale/zh-CN';
import { applyHighlights, type PageHit } from '../../ui/pdf/highlight';

/** The page's size in the units the text layer's CSS multiplies by `--total-scale-factor` (PDF units, or image pixels). */
export interface LinesPageSize {
  width: number;
  height: number;
}

interface Props {
  lines: OcrBox[];
  size: LinesPageSize;
  /** Item i of each hit's segments is line i. */
  hits: PageHit[];
  currentHit: number;
}

/** The family the spans are set in, and measured in, so that a line's text spans its box. */
const FONT_FAMILY = 'sans-serif';
let measure: CanvasRenderingContext2D | null = null;

/** Width of `text` set 1 unit high. */
function unitWidth(text: string): number {
  measure ??= document.createElement('canvas').getContext('2d')!;
  measure.font = `100px ${FONT_FAMILY}`;
  return measure.measureText(text).width / 100;
}

/** One line as a text-layer span: at its box's top-left corner, as tall as the box, stretched to its width, turned with it. */
function lineSpan(line: OcrBox, size: LinesPageSize): HTMLSpanElement {
  const [x0, y0, x1, y1, , , x3, y3] = line.quad;
  const dx = (x1 - x0) * size.width;
  const dy = (y1 - y0) * size.height;
  const width = Math.hypot(dx, dy);
  const height = Math.hypot((x3 - x0) * size.width, (y3 - y0) * size.height);
  const span = document.createElement('span');
  span.textContent = line.text;
  span.style.fontFamily = FONT_FAMILY;
  span.style.left = `${x0 * 100}%`;
  span.style.top = `${y0 * 100}%`;
  span.style.setProperty('--font-height', `${height.toFixed(2)}px`);
  const natural = unitWidth(line.text) * height;
  if (natural > 0) span.style.setProperty('--scale-x', (width / natural).toFixed(4));
  span.style.setProperty('--rotate', `${((Math.atan2(dy, dx) * 180) / Math.PI).toFixed(2)}deg`);
  return span;
}

export function RecognisedLines({ lines, size, hits, currentHit }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [spans, setSpans] = useState<HTMLElement[] | null>(null);
  const touched = useRef(new Set<number>());
  const strings = useMemo(() => lines.map((l) => l.text), [lines]);

  // Built outside React, as pdf.js builds its layer: find marks rewrite the spans' contents.
  useEffect(() => {
    const built = lines.map((line) => lineSpan(line, size));
    // A line break after each line, so copied text keeps the lines.
    hostRef.current!.replaceChildren(...built.flatMap((span) => [span, document.createElement('br')]));
    touched.current = new Set();
    setSpans(built);
  }, [lines, size]);

  useEffect(() => {
    if (spans) touched.current = applyHighlights(spans, strings, hits, currentHit, touched.current);
  }, [spans, strings, hits, currentHit]);

  return (
    <div className="recognised-lines" data-testid="recognised-lines">
      <div ref={hostRef} className="textLayer" />
      <p className="recognised-note" role="note" data-testid="recognised-note">
        {t.viewer.recognisedNote}
      </p>
    </div>
  );
}
