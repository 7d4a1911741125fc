// Owns the list of recently opened package files; clicking one imports it again from its path.
import { client } from '../../api';
import { t } from '../../locale/zh-CN';
import { fileName, formatDateTime } from '../../lib/format';
import { userMessage } from '../../lib/errors';
import { useRemote } from '../../lib/useRemote';
import { importPath } from '../import/openPackage';

export function RecentPackages() {
  const recent = useRemote(() => client.call('package.recent', {}), []);
  return (
    <div className="card start-list">
      <h2 className="card-title">{t.start.recentTitle}</h2>
      {recent.state === 'loading' && <p className="muted">{t.common.loading}</p>}
      {recent.state === 'error' && <p className="text-error">{userMessage(recent.error)}</p>}
      {recent.state === 'ready' && recent.value.length === 0 && <p className="muted empty-note">{t.start.recentEmpty}</p>}
      {recent.state === 'ready' && recent.value.length > 0 && (
        <ul className="link-list" data-testid="recent-list">
          {recent.value.map((r) => (
            <li key={r.path}>
              <button type="button" className="link-item" onClick={() => void importPath(r.path)} title={r.path} data-testid="recent-item">
                <span className="link-item-title">{r.title}</span>
                <span className="link-item-meta">{fileName(r.path)}</span>
                <span className="link-item-meta muted">{t.start.openedAt(formatDateTime(r.openedAt))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
