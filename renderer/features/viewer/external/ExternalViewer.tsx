// Owns the pane for files the app cannot show (DOC, OFD …): a plain explanation and the button to open them outside.
import type { DocumentInfo } from '../../../../shared/domain';
import { fileExtension, formatFileSize } from '../../../lib/format';
import { t } from '../../../locale/zh-CN';
import { DocBadge } from '../../../kernel/DocBadge';
import { ViewerFrame } from '../ViewerFrame';
import { OpenExternalButton } from './OpenExternalButton';

export function ExternalViewer({ document }: { document: DocumentInfo }) {
  const ext = fileExtension(document.path) || t.common.none;
  return (
    <ViewerFrame document={document}>
      <div className="external-note" data-testid="external-note">
        <DocBadge document={document} large />
        <h2>{document.title}</h2>
        <p className="muted">{formatFileSize(document.bytes)}</p>
        <p className="external-text">{t.viewer.external(ext)}</p>
        <OpenExternalButton document={document} primary />
      </div>
    </ViewerFrame>
  );
}
