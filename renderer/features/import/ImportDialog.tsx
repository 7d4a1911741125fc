// Owns the import dialog: progress bar with phase, current file and done/total while running; the problems list when it fails.
import { t } from '../../locale/zh-CN';
import { toMegabytes } from '../../lib/format';
import { Modal } from '../../ui/Modal';
import { shownFailure } from './shownFailure';
import { useImport } from './store';

export function ImportDialog() {
  const status = useImport((s) => s.status);
  if (status === 'running') return <ProgressDialog />;
  if (status === 'failed') return <FailureDialog />;
  return null;
}

function ProgressDialog() {
  const progress = useImport((s) => s.progress);
  const cancelling = useImport((s) => s.cancelling);
  const cancel = useImport((s) => s.cancel);
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const amount = !progress
    ? ''
    : progress.phase === 'verify'
      ? t.importJob.megabytes(toMegabytes(progress.done), toMegabytes(progress.total), Math.floor(fraction * 100))
      : t.importJob.count(progress.done, progress.total);

  return (
    <Modal
      title={t.importJob.title}
      onEscape={cancel}
      testId="import-progress"
      footer={
        <button type="button" className="btn" onClick={cancel} disabled={cancelling} data-testid="import-cancel" data-autofocus>
          {cancelling ? t.importJob.cancelling : t.importJob.cancel}
        </button>
      }
    >
      <div className="import-phase">
        <span className="import-phase-label" data-testid="import-phase">
          {progress ? t.importJob.phases[progress.phase] : t.importJob.waiting}
        </span>
        <span className="import-amount">{amount}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-label={t.importJob.title}
      >
        <div className={`progress-bar${progress ? '' : ' progress-indeterminate'}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      <p className="import-current" title={progress?.current}>
        {progress?.current ?? '\u00a0'}
      </p>
    </Modal>
  );
}

function FailureDialog() {
  const failure = useImport((s) => s.failure);
  const dismiss = useImport((s) => s.dismiss);
  if (!failure) return null;
  const { headline, problems } = shownFailure(failure);
  return (
    <Modal
      title={t.importJob.failedTitle}
      onEscape={dismiss}
      tone="danger"
      wide
      testId="import-failed"
      footer={
        <button type="button" className="btn btn-primary" onClick={dismiss} data-autofocus>
          {t.common.dismiss}
        </button>
      }
    >
      <p className="import-error-message" data-testid="import-error-message">
        {headline}
      </p>
      {problems.length > 0 && (
        <>
          <p className="import-problems-title">{t.importJob.problemsTitle(problems.length)}</p>
          <ul className="import-problems" data-testid="import-problems">
            {problems.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </>
      )}
      {failure.packageDefect && <p className="import-what-to-do">{t.importJob.whatToDo}</p>}
    </Modal>
  );
}
