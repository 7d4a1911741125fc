// Owns the pane shown when a document fails to load or convert: the reason in Chinese and the way out (open it externally).
import type { DocumentInfo } from '../../../shared/domain';
import { ApiError } from '../../api';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { OpenExternalButton } from './external/OpenExternalButton';
import { ViewerFrame } from './ViewerFrame';

export function ViewerError({ document, error }: { document: DocumentInfo; error: unknown }) {
  // Errors from the client already say what happened; anything else came from the viewer library (a damaged file).
  const message = error instanceof ApiError ? error.message : t.viewer.damaged;
  return (
    <ViewerFrame document={document}>
      <div className="external-note" role="alert" data-testid="viewer-error">
        <span className="viewer-error-icon">
          <Icon name="warning" size={40} />
        </span>
        <h2>{t.viewer.failed}</h2>
        <p className="external-text">{message}</p>
        <OpenExternalButton document={document} />
      </div>
    </ViewerFrame>
  );
}
