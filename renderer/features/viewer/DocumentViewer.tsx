// Owns opening one document: waits for its saved reading position, then hands it to the viewer for its kind.
import type { DocumentInfo } from '../../../shared/domain';
import { t } from '../../locale/zh-CN';
import { DocxViewer } from './docx/DocxViewer';
import { ExternalViewer } from './external/ExternalViewer';
import { ImageViewer } from './image/ImageViewer';
import { PdfViewer } from './pdf/PdfViewer';
import { useReadingPosition } from './useReadingPosition';
import { ViewerMessage } from './ViewerFrame';
import { XlsxViewer } from './xlsx/XlsxViewer';

export function DocumentViewer({ document }: { document: DocumentInfo }) {
  const { initial, save } = useReadingPosition(document.key);
  if (initial.state !== 'ready') return <ViewerMessage busy>{t.viewer.opening}</ViewerMessage>;
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
