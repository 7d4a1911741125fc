// Owns the 生成记录 of the session: every file generated, newest first, with the template and version it came from.
import type { TemplateListItem } from '../../../shared/output';
import { fileName, formatDateTime } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { useDocuments } from './store';

export function GeneratedHistory({ sessionId, templates }: { sessionId: string; templates: TemplateListItem[] }) {
  const result = useDocuments((s) => s.result);
  const list = useRemote('output.list', { sessionId }, [result]);
  const names = new Map(templates.map((x) => [x.id, x.name]));
  return (
    <details className="documents-group documents-history" data-testid="generated-history">
      <summary>{t.documents.history}</summary>
      {list.state === 'ready' && list.value.length === 0 && <p className="muted">{t.documents.historyEmpty}</p>}
      {list.state === 'ready' && list.value.length > 0 && (
        <ul className="documents-files">
          {list.value.map((d) => (
            <li key={d.id} title={d.path} data-testid="history-item">
              {fileName(d.path)}
              <span className="muted">
                {' '}
                — {t.documents.historyItem(names.get(d.templateId) ?? d.templateId, d.templateVersion, formatDateTime(d.createdAt))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
