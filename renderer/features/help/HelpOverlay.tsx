// Owns the shortcut help overlay (? / F1): every keyboard shortcut the app offers, in two groups.
import { t } from '../../locale/zh-CN';
import { Modal } from '../../ui/Modal';
import { useHelp } from './store';

export function HelpOverlay() {
  const open = useHelp((s) => s.open);
  const close = useHelp((s) => s.close);
  if (!open) return null;
  return (
    <Modal
      title={t.help.title}
      onEscape={close}
      wide
      testId="help-overlay"
      footer={
        <button type="button" className="btn btn-primary" onClick={close} data-autofocus>
          {t.common.close}
        </button>
      }
    >
      <div className="help-groups">
        {t.help.groups.map((group) => (
          <section key={group.title} className="help-group">
            <h3>{group.title}</h3>
            <dl>
              {group.items.map(([keys, what]) => (
                <div key={what} className="help-row">
                  <dt>
                    {keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="help-or">/</span>}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
