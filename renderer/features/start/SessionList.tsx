// Owns the list of already imported sessions (评审会) on the start screen; clicking one opens it.
import { t } from '../../locale/zh-CN';
import { formatDate, formatDateTime } from '../../lib/format';
import { userMessage } from '../../lib/errors';
import { useRemote } from '../../lib/useRemote';
import { useSession } from '../../kernel/sessionStore';

export function SessionList() {
  const sessions = useRemote('session.list', {});
  const openSession = useSession((s) => s.openSession);
  return (
    <div className="card start-list">
      <h2 className="card-title">{t.start.sessionsTitle}</h2>
      {sessions.state === 'loading' && <p className="muted">{t.common.loading}</p>}
      {sessions.state === 'error' && <p className="text-error">{userMessage(sessions.error)}</p>}
      {sessions.state === 'ready' && sessions.value.length === 0 && <p className="muted empty-note">{t.start.sessionsEmpty}</p>}
      {sessions.state === 'ready' && sessions.value.length > 0 && (
        <ul className="link-list" data-testid="session-list">
          {sessions.value.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-item" onClick={() => openSession(s.id)} data-testid="session-item">
                <span className="link-item-title">{s.title}</span>
                <span className="link-item-meta">
                  {s.issuer} · {t.start.sessionMeta(formatDate(s.date), s.projectCount)}
                </span>
                <span className="link-item-meta muted">{t.start.importedAt(formatDateTime(s.importedAt))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
