// Owns the coloured file-type badge (PDF, DOCX, XLSX …) shown beside a document's name.
import type { DocumentInfo } from '../../shared/domain';
import { fileExtension } from '../lib/format';

export function DocBadge({ document, large }: { document: DocumentInfo; large?: boolean }) {
  return (
    <span className={`doc-badge doc-badge-${document.viewer}${large ? ' doc-badge-lg' : ''}`} aria-hidden="true">
      {fileExtension(document.path).slice(1, 5).toUpperCase() || '?'}
    </span>
  );
}
