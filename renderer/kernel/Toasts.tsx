// Owns the stack of toasts in the corner: errors stay readable for a few seconds and can be dismissed.
import { t } from '../locale/zh-CN';
import { Icon } from '../ui/Icon';
import { useNotices } from './notices';

export function Toasts() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="toasts" aria-live="assertive">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`toast toast-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid={n.tone === 'error' ? 'error-banner' : 'info-banner'}
        >
          <span className="toast-icon" aria-hidden="true">
            {n.tone === 'error' ? '!' : 'i'}
          </span>
          <div className="toast-body">
            <p className="toast-message">{n.message}</p>
            {n.problems.length > 0 && (
              <ul className="toast-problems">
                {n.problems.slice(0, 5).map((p, i) => (
                  <li key={i}>
                    {p.message}
                    {p.path && <span className="muted"> （{p.path}）</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="toast-close" onClick={() => dismiss(n.id)} aria-label={t.common.close}>
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
