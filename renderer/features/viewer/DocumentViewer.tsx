// Owns opening one document: waits for its saved reading position, resets the viewer state, then hands over to the viewer for its kind.
import { useLayoutEffect, useState } from 'react';
import type { DocumentInfo } from '../../../shared/domain';
import { t } from '../../locale/zh-CN';
import { DocxViewer } from './docx/DocxViewer';
import { ExternalViewer } from './external/ExternalViewer';
import { ImageViewer } from './image/ImageViewer';
import { PdfViewer } from './pdf/PdfViewer';
import { useViewer } from './store';
import { useReadingPosition } from './useReadingPosition';
import { ViewerMessage } from './ViewerFrame';
import { XlsxViewer } from './xlsx/XlsxViewer';

/** Mounted once per document (keyed by its key), so every document starts from its own saved place. */
export function DocumentViewer({ document }: { document: DocumentInfo }) {
  const { initial, save } = useReadingPosition(document.key);
  const [started, setStarted] = useState(false);

  useLayoutEffect(() => {
    if (initial.state !== 'ready' || started) return;
    useViewer.getState().reset(initial.value?.zoom ?? null);
    setStarted(true);
  }, [initial, started]);

  if (initial.state !== 'ready' || !started) return <ViewerMessage busy>{t.viewer.opening}</ViewerMessage>;
  const props = { document, initial: initial.value, onPosition: save };
  switch (document.viewer) {
    case 'pdf':
      return <PdfViewer {...props} />;
    case 'docx':
      return <DocxViewer {...props} />;
    case 'xlsx':
      return <XlsxViewer {...props} />;
    case 'image':
      return <ImageViewer {...props} />;
    case 'external':
      return <ExternalViewer document={document} />;
  }
}
