// Owns the list of recently opened package files; clicking one hands its path to `onOpen` (the start screen imports it again).
import { userMessage } from '../../lib/errors';
import { fileName, formatDateTime } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';

export function RecentPackages({ onOpen }: { onOpen(path: string): void }) {
  const recent = useRemote('package.recent', {});
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
              <button type="button" className="link-item" onClick={() => onOpen(r.path)} data-testid="recent-item">
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
