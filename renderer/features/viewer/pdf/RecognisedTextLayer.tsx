// Owns the recognised text over a scanned PDF page: asked for while the page is near the view, asked again when
// background recognition has read more, and drawn by RecognisedLines.
import { memo, useEffect, useRef, useState } from 'react';
import { useExtract } from '../../../kernel/extract';
import type { PageHit } from '../../../ui/pdf/highlight';
import type { PageSize } from '../../../ui/pdf/pdfjs';
import type { VisibilityWatcher } from '../../../ui/pdf/visibility';
import { RecognisedLines } from '../RecognisedLines';
import type { RecognisedPage, RecognisedTextCache } from './recognisedText';

interface Props {
  pageNumber: number;
  size: PageSize;
  recognised: RecognisedTextCache;
  watcher: VisibilityWatcher;
  hits: PageHit[];
  currentHit: number;
}

export const RecognisedTextLayer = memo(function RecognisedTextLayer({ pageNumber, size, recognised, watcher, hits, currentHit }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [page, setPage] = useState<RecognisedPage | null>(null);
  // Recognition runs in the background: when it has read another file, a page shown without its text asks again.
  const textRevision = useExtract((s) => s.revision);

  useEffect(() => watcher.watch(rootRef.current!, setVisible), [watcher]);

  useEffect(() => {
    if (!visible) {
      setPage(null);
      return;
    }
    let alive = true;
    void recognised.get(pageNumber).then((found) => alive && setPage(found));
    return () => {
      alive = false;
    };
  }, [recognised, pageNumber, visible, textRevision]);

  return (
    <div ref={rootRef} className="pdf-recognised">
      {page && <RecognisedLines lines={page.lines} size={size} hits={hits} currentHit={currentHit} />}
    </div>
  );
});
