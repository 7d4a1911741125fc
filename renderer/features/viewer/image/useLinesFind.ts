// Owns find in a picture's recognised lines: the query's hits (debounced) for RecognisedLines to mark, the current one in view.
import { useEffect, useState, type RefObject } from 'react';
import type { OcrBox } from '../../../../shared/ocr';
import { compactQuery, findAll, indexStrings } from '../../../lib/textSearch';
import type { PageHit } from '../../../ui/pdf/highlight';
import { useViewer } from '../store';

const DEBOUNCE_MS = 200;
const NO_HITS: PageHit[] = [];

export function useLinesFind(lines: OcrBox[] | null, paneRef: RefObject<HTMLElement | null>): { hits: PageHit[]; current: number } {
  const query = useViewer((s) => s.query);
  const current = useViewer((s) => s.hitIndex);
  const [hits, setHits] = useState(NO_HITS);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const needle = compactQuery(query);
      const found =
        lines && needle ? findAll(indexStrings(lines.map((l) => l.text)), needle).map((segments, index) => ({ index, segments })) : NO_HITS;
      setHits(found);
      useViewer.getState().setHits(found.length, found.length > 0 ? 0 : -1);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [lines, query]);

  // After RecognisedLines (a child, so its effects run first) has marked the current hit.
  useEffect(() => {
    paneRef.current?.querySelector('.search-hit-current')?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [paneRef, hits, current]);

  return { hits, current };
}
