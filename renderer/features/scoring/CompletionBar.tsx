// Owns finishing a review: 完成评审 (the core refuses with what is missing, each item taking the expert to its field), the completed banner, and reopening with a reason.
import { useEffect, useRef, useState } from 'react';
import type { CompletionTarget, ReviewView } from '../../../shared/scoring';
import { ApiError } from '../../api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { reportError } from '../../kernel/notices';
import { useScoring } from './store';

/** The field of the form a missing item names. */
function selectorFor(target: CompletionTarget): string {
  switch (target.field) {
    case 'conflict':
      return '[data-testid="conflict-none"]';
    case 'familiarity':
      return '[data-testid="familiarity"]';
    case 'score':
      return `[data-testid="score-input"][data-dimension="${target.dimensionId}"][data-criterion="${CSS.escape(target.subCriterionId)}"]`;
    case 'dimension-opinion':
      return `[data-testid="dimension-opinion"][data-dimension="${target.dimensionId}"]`;
    case 'low-score-reason':
      return `[data-testid="low-score-reason"][data-dimension="${target.dimensionId}"]`;
    case 'veto-ruling':
      return `[data-testid="veto-ruling"][data-veto="${CSS.escape(target.vetoId)}"]`;
    case 'chapter-opinion':
      return `[data-testid="chapter-opinion"][data-chapter="${CSS.escape(target.chapterId)}"]`;
    case 'investment':
      return `[data-testid="approved-amount"][data-line="${CSS.escape(target.lineId)}"]`;
    case 'overall-opinion':
      return '[data-testid="overall-opinion"]';
    case 'conclusion-reason':
      return '[data-testid="conclusion-reason"]';
  }
}

function goTo(target: CompletionTarget): void {
  const el = document.querySelector<HTMLElement>(selectorFor(target));
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

export function CompletionBar({ sessionId, view }: { sessionId: string; view: ReviewView }) {
  // Once completion was refused, the list shows what is still missing as of the last save, shrinking as it is filled.
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const barRef = useRef<HTMLElement>(null);
  const key = { sessionId, projectId: view.review.projectId };
  const missing = refused ? view.missing : [];

  const complete = async () => {
    setBusy(true);
    try {
      await useScoring.getState().complete(key);
      setRefused(false);
    } catch (err) {
      // The draft was just saved, so the view's missing list is the one the core refused with.
      if (err instanceof ApiError && err.code === 'invalid-input' && err.problems.length > 0) setRefused(true);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  // The header's 完成评审 asks through the store; the bar runs it here, where the refusal's list is shown.
  const completeRequested = useScoring((s) => s.completeRequested);
  useEffect(() => {
    if (!completeRequested || view.completedAt) return;
    useScoring.getState().requestComplete(false);
    barRef.current?.scrollIntoView({ block: 'end' });
    void complete();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per request
  }, [completeRequested]);

  const reopen = async () => {
    try {
      await useScoring.getState().reopen(key, reason);
      setReason('');
    } catch (err) {
      reportError(err);
    }
  };

  if (view.completedAt) {
    return (
      <section className="panel-section completion-done" data-testid="review-completed">
        <p className="completion-banner">{t.scoring.completed(formatDateTime(view.completedAt))}</p>
        <label className="score-text-field">
          <span>{t.scoring.reopenReason}</span>
          <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reopen-reason" />
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={reason.trim() === ''}
          onClick={() => void reopen()}
          data-testid="reopen-review"
        >
          {t.scoring.reopen}
        </button>
      </section>
    );
  }
  return (
    <section ref={barRef} className="panel-section completion">
      <button
        type="button"
        className="btn btn-primary btn-lg completion-button"
        disabled={busy}
        onClick={() => void complete()}
        data-testid="complete-review"
      >
        {busy ? t.scoring.completing : t.scoring.complete}
      </button>
      {missing.length > 0 && (
        <div className="missing" data-testid="missing-list" role="alert">
          <p className="missing-title">{t.scoring.missingTitle(missing.length)}</p>
          <ol>
            {missing.map((m) => (
              <li key={m.message}>
                <button type="button" className="link-btn" onClick={() => goTo(m.target)} data-testid="missing-item">
                  {m.message}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
