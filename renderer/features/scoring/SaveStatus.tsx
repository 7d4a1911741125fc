// Owns the form's save indicator (保存中… / 已保存 HH:mm:ss / 保存失败（重试）, or "1 处输入无效，未保存" naming where while a
// field holds a value the rubric refuses, which takes precedence: 已保存 never shows beside a value that is not stored) and the undo / redo buttons.
import type { ReactNode } from 'react';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { reportError } from '../../kernel/notices';
import { useScoring } from './store';

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** `children`: what else the toolbar carries (the view switch). */
export function SaveStatus({ children }: { children?: ReactNode }) {
  const status = useScoring((s) => s.saveStatus);
  const savedAt = useScoring((s) => s.savedAt);
  const saveError = useScoring((s) => s.saveError);
  const canUndo = useScoring((s) => s.past.length > 0);
  const canRedo = useScoring((s) => s.future.length > 0);
  const invalid = useScoring((s) => s.invalid);
  // A typed value still waiting for the pause is not stored yet either.
  const saving = useScoring((s) => s.saveStatus === 'saving' || s.typing.length > 0);
  const { undo, redo, flush } = useScoring.getState();
  const refused = Object.entries(invalid);
  return (
    <div className="score-toolbar">
      {refused.length > 0 ? (
        <span className="save-status save-invalid" role="status" data-testid="save-status" data-status="invalid">
          {t.desk.invalid(refused.length)}
          {refused.map(([field, { where }]) => (
            <button
              key={field}
              type="button"
              className="link-btn save-invalid-where"
              title={t.desk.invalidGo(where)}
              onClick={() => focusField(field)}
              data-testid="invalid-where"
            >
              {where}
            </button>
          ))}
        </span>
      ) : status === 'failed' ? (
        <button
          type="button"
          className="save-status save-failed link-btn"
          onClick={() => void flush().catch(reportError)}
          title={userMessage(saveError)}
          data-testid="save-status"
          data-status={status}
        >
          {t.scoring.saveFailed}
        </button>
      ) : (
        <span
          className={`save-status save-${saving ? 'saving' : savedAt ? 'saved' : status}`}
          role="status"
          data-testid="save-status"
          data-status={saving ? 'saving' : status}
        >
          {saving ? t.scoring.saving : savedAt ? t.scoring.saved(clock(savedAt)) : t.scoring.notSaved}
        </span>
      )}
      <span className="score-toolbar-actions">
        {children}
        <button
          type="button"
          className="btn btn-small"
          disabled={!canUndo}
          onClick={undo}
          title={t.scoring.undoHint}
          data-testid="score-undo"
        >
          {t.scoring.undo}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!canRedo}
          onClick={redo}
          title={t.scoring.redoHint}
          data-testid="score-redo"
        >
          {t.scoring.redo}
        </button>
      </span>
    </div>
  );
}

/** Takes the expert to a field named in the status line. */
function focusField(field: string): void {
  const el = document.querySelector<HTMLInputElement>(`[data-field="${CSS.escape(field)}"]`);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}
