// Owns the centre pane when no document is open: a prompt plus the project's documents as large cards to pick from.
import type { ProjectInfo } from '../../../shared/domain';
import { formatFileSize } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { DocBadge } from '../../kernel/DocBadge';
import { useSession } from '../../kernel/sessionStore';

export function EmptyViewer({ project }: { project: ProjectInfo | null }) {
  const selectDocument = useSession((s) => s.selectDocument);
  return (
    <div className="empty-viewer">
      <h2 className="empty-viewer-title">{project ? project.name : t.session.pickProject}</h2>
      {project && <p className="muted">{t.session.pickDocument}</p>}
      {project && project.documents.length > 0 && (
        <ul className="doc-cards">
          {project.documents.map((d) => (
            <li key={d.key}>
              <button type="button" className="doc-card" onClick={() => selectDocument(d.key)} data-testid="document-card">
                <DocBadge document={d} large />
                <span className="doc-card-kind">{t.labels.documentKinds[d.kind]}</span>
                <span className="doc-card-title">{d.title}</span>
                <span className="doc-card-size muted">{formatFileSize(d.bytes)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
