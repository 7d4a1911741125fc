// Owns the slim text-extraction bar in the session header: 正在提取文本 3/12：建设方案.pdf, a thin progress line and 取消;
// once cancelled, 继续提取.
import { t } from '../../locale/zh-CN';
import { useExtract } from '../../kernel/extract';

export function ExtractProgress({ sessionId }: { sessionId: string }) {
  const running = useExtract((s) => s.jobId !== null && s.sessionId === sessionId);
  const progress = useExtract((s) => s.progress);
  const cancelling = useExtract((s) => s.cancelling);
  const cancel = useExtract((s) => s.cancel);
  const stopped = useExtract((s) => s.stopped && s.sessionId === sessionId);
  if (stopped) {
    return (
      <div className="extract-progress" role="status" data-testid="extract-stopped">
        <span className="extract-label">{t.extract.stopped}</span>
        <button
          type="button"
          className="extract-btn"
          onClick={() => void useExtract.getState().run(sessionId)}
          data-testid="extract-resume"
        >
          {t.extract.resume}
        </button>
      </div>
    );
  }
  if (!running || progress?.total === 0) return null;

  const working = progress ? Math.min(progress.total, progress.done + (progress.current ? 1 : 0)) : 0;
  const label = !progress
    ? t.extract.preparing
    : (progress.phase === 'ocr' ? t.extract.recognising : t.extract.running)(working, progress.total, progress.current);
  const percent = progress ? Math.round((Math.min(progress.done, progress.total) / progress.total) * 100) : 0;
  // Until the first progress event the bar fades in late (CSS), so a session with nothing left to extract flashes nothing.
  return (
    <div className={`extract-progress${progress ? '' : ' extract-waiting'}`} role="status" data-testid="extract-progress">
      <span className="extract-label" title={label}>
        {cancelling ? t.extract.cancelling : label}
      </span>
      <span
        className="extract-track"
        role="progressbar"
        aria-label={t.extract.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className={`extract-bar${progress ? '' : ' progress-indeterminate'}`} style={{ width: `${percent}%` }} />
      </span>
      <button
        type="button"
        className="extract-btn"
        onClick={cancel}
        disabled={cancelling}
        title={t.extract.cancelTitle}
        data-testid="extract-cancel"
      >
        {t.extract.cancel}
      </button>
    </div>
  );
}
