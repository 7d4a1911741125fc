// Owns opening one document: waits for its saved reading position (or takes a requested place instead), resets the viewer
// state, then hands over to the viewer for its kind.
import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import type { DocumentInfo, ReadingPosition } from '../../../shared/domain';
import { t } from '../../locale/zh-CN';
import { DocxViewer } from './docx/DocxViewer';
import { ExternalViewer } from './external/ExternalViewer';
import { ImageViewer } from './image/ImageViewer';
import { usePendingPlace } from '../../kernel/showPlace';
import { OfdViewer } from './ofd/OfdViewer';
import { useViewer } from './store';
import { useReadingPosition } from './useReadingPosition';
import { ViewerMessage } from './ViewerFrame';
import { XlsxViewer } from './xlsx/XlsxViewer';

// pdf.js is most of the bundle: it loads when the first PDF opens, not at start-up.
const PdfViewer = lazy(() => import('./pdf/PdfViewer').then((m) => ({ default: m.PdfViewer })));

/** Mounted once per document (keyed by its key), so every document starts from its own saved place. */
export function DocumentViewer({ document }: { document: DocumentInfo }) {
  const { initial, save } = useReadingPosition(document.key);
  /** Where the viewer opens; undefined until the saved position has been read. */
  const [start, setStart] = useState<ReadingPosition | null | undefined>(undefined);

  useLayoutEffect(() => {
    if (initial.state !== 'ready' || start !== undefined) return;
    const viewer = useViewer.getState();
    const request = usePendingPlace.getState().take(document.key);
    const saved = initial.value;
    viewer.reset(saved?.zoom ?? null);
    if (request?.query) viewer.setQuery(request.query);
    // A requested page replaces the saved place but keeps the reader's zoom.
    setStart(request?.page ? { ...(saved?.zoom !== undefined && { zoom: saved.zoom }), page: request.page } : saved);
  }, [initial, start, document.key]);

  const opening = <ViewerMessage busy>{t.viewer.opening}</ViewerMessage>;
  if (start === undefined) return opening;
  const props = { document, initial: start, onPosition: save };
  switch (document.viewer) {
    case 'pdf':
      return (
        <Suspense fallback={opening}>
          <PdfViewer {...props} />
        </Suspense>
      );
    // Word 97 and WPS files arrive as the same HTML a DOCX converts to; .xls and WPS .et as the same sheets as XLSX.
    case 'docx':
    case 'doc':
      return <DocxViewer {...props} />;
    case 'xlsx':
    case 'xls':
      return <XlsxViewer {...props} />;
    case 'ofd':
      return <OfdViewer {...props} />;
    case 'image':
      return <ImageViewer {...props} />;
    case 'external':
      return <ExternalViewer document={document} />;
  }
}
