// Owns the frame around every viewer: the document's kind and title (with the find box at its right), the toolbar row, and the message pane.
import type { ReactNode } from 'react';
import type { DocumentInfo } from '../../../shared/domain';
import { fileName } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { DocBadge } from '../../kernel/DocBadge';

interface FrameProps {
  document: DocumentInfo;
  toolbar?: ReactNode;
  search?: ReactNode;
  children: ReactNode;
}

export function ViewerFrame({ document, toolbar, search, children }: FrameProps) {
  return (
    <div className="viewer" data-testid="viewer" data-viewer={document.viewer}>
      <div className="viewer-titlebar">
        <DocBadge document={document} />
        <span className="viewer-kind">{t.labels.documentKinds[document.kind]}</span>
        <span className="viewer-title" title={document.title}>
          {document.title}
        </span>
        <span className="viewer-filename muted">{fileName(document.path)}</span>
        {search}
      </div>
      {toolbar && (
        <div className="viewer-toolbar" role="toolbar">
          {toolbar}
        </div>
      )}
      <div className="viewer-content">{children}</div>
    </div>
  );
}

export function ViewerMessage({ children, busy, tone }: { children: ReactNode; busy?: boolean; tone?: 'error' }) {
  return (
    <div
      className={`viewer-message${tone ? ` viewer-message-${tone}` : ''}`}
      aria-busy={busy || undefined}
      role={tone ? 'alert' : 'status'}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      <div>{children}</div>
    </div>
  );
}

export function ViewerCrashed({ onRetry }: { onRetry: () => void }) {
  return (
    <ViewerMessage tone="error">
      <p>{t.errors.viewerCrashed}</p>
      <button type="button" className="btn viewer-retry" onClick={onRetry} data-testid="viewer-retry">
        {t.errors.reopen}
      </button>
    </ViewerMessage>
  );
}
