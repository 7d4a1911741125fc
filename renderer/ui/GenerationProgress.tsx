// Owns the progress line of a document generation (文书生成) job: the file being made, how far it is, and 取消.
import type { JobProgress } from '../../shared/domain';
import { t } from '../locale/zh-CN';

interface Props {
  progress: JobProgress | null;
  cancelling: boolean;
  onCancel(): void;
  testId: string;
  cancelTestId: string;
}

export function GenerationProgress({ progress, cancelling, onCancel, testId, cancelTestId }: Props) {
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="generation-progress" role="status" data-testid={testId}>
      <span className="generation-progress-label">
        {cancelling
          ? t.documents.cancelling
          : progress
            ? t.documents.running(progress.done, progress.total, progress.current)
            : t.documents.preparing}
      </span>
      <span
        className="generation-track"
        role="progressbar"
        aria-label={t.documents.progress}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="generation-bar" style={{ width: `${percent}%` }} />
      </span>
      <button type="button" className="btn btn-small" onClick={onCancel} disabled={cancelling} data-testid={cancelTestId}>
        {t.documents.cancel}
      </button>
    </div>
  );
}
