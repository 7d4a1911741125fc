// Owns fetching a converted document (DOCX → HTML, XLSX → sheets) and showing its loading and error states.
import type { ReactNode } from 'react';
import type { RenderedDocument } from '../../../shared/domain';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import type { ViewerProps } from './types';
import { ViewerError } from './ViewerError';
import { ViewerFrame, ViewerMessage } from './ViewerFrame';

export function RenderedViewer<K extends RenderedDocument['kind']>({
  document,
  kind,
  children,
}: {
  document: ViewerProps['document'];
  kind: K;
  children: (rendered: Extract<RenderedDocument, { kind: K }>) => ReactNode;
}) {
  const rendered = useRemote('document.render', { documentKey: document.key });
  if (rendered.state === 'loading') {
    return (
      <ViewerFrame document={document}>
        <ViewerMessage busy>{t.viewer.opening}</ViewerMessage>
      </ViewerFrame>
    );
  }
  if (rendered.state === 'error') return <ViewerError document={document} error={rendered.error} />;
  if (rendered.value.kind !== kind) return <ViewerError document={document} error={null} />;
  return <>{children(rendered.value as Extract<RenderedDocument, { kind: K }>)}</>;
}
