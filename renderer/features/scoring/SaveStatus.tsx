// Owns the form's save indicator (保存中… / 已保存 HH:mm:ss / 保存失败（重试）) and the undo / redo buttons.
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { reportError } from '../../kernel/notices';
import { useScoring } from './store';

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function SaveStatus() {
  const status = useScoring((s) => s.saveStatus);
  const savedAt = useScoring((s) => s.savedAt);
  const saveError = useScoring((s) => s.saveError);
  const canUndo = useScoring((s) => s.past.length > 0);
  const canRedo = useScoring((s) => s.future.length > 0);
  const { undo, redo, flush } = useScoring.getState();
  return (
    <div className="score-toolbar">
      {status === 'failed' ? (
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
          className={`save-status save-${status === 'idle' && savedAt ? 'saved' : status}`}
          role="status"
          data-testid="save-status"
          data-status={status}
        >
          {status === 'saving' ? t.scoring.saving : savedAt ? t.scoring.saved(clock(savedAt)) : t.scoring.notSaved}
        </span>
      )}
      <span className="score-toolbar-actions">
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
