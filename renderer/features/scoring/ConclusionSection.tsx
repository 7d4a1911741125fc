// Owns the end of the form: the total, the suggested conclusion (建议结论) with its reasons, the expert's choice with a reason when it differs, and the save status.
import type { Conclusion, Rubric } from '../../../shared/profile';
import type { Review, ScoreTotals, Suggestion } from '../../../shared/scoring';
import { t } from '../../locale/zh-CN';
import { patch } from './edits';
import { useScoring } from './store';

interface Props {
  review: Review;
  rubric: Rubric;
  totals: ScoreTotals;
  suggestion: Suggestion;
  disabled: boolean;
}

export function ConclusionSection({ review, rubric, totals, suggestion, disabled }: Props) {
  const edit = useScoring((s) => s.edit);
  const { chosen, reason } = review.conclusion;
  const differs = chosen !== null && chosen !== suggestion.conclusion;
  const setConclusion = (next: Partial<Review['conclusion']>) =>
    edit(patch({ conclusion: { chosen, reason, ...next } }), next.reason === undefined ? 'conclusion' : 'conclusion.reason');
  return (
    <section className="panel-section">
      <h3 className="panel-heading">{t.scoring.conclusionTitle}</h3>
      <div className="conclusion-figures">
        <div className="conclusion-figure">
          <span className="conclusion-label">{t.scoring.total}</span>
          <span className="conclusion-total" data-testid="total-score" data-total={totals.total}>
            {totals.total}
            <small> / {totals.totalPoints}</small>
          </span>
        </div>
        <div className="conclusion-figure">
          <span className="conclusion-label">{t.scoring.suggested}</span>
          <span
            className={`conclusion-suggested conclusion-${suggestion.conclusion ?? 'none'}`}
            data-testid="suggested-conclusion"
            data-conclusion={suggestion.conclusion ?? ''}
          >
            {suggestion.label ?? t.scoring.noSuggestion}
          </span>
        </div>
      </div>
      <ul className="conclusion-reasons">
        {suggestion.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <select
        className="conclusion-select"
        value={chosen ?? ''}
        disabled={disabled}
        aria-label={t.scoring.conclusionTitle}
        onChange={(e) => setConclusion({ chosen: e.target.value === '' ? null : (e.target.value as Conclusion) })}
        data-testid="conclusion-choice"
      >
        <option value="">
          {t.scoring.adoptSuggestion}
          {suggestion.label ? `（${suggestion.label}）` : ''}
        </option>
        {rubric.bands.map((b) => (
          <option key={b.conclusion} value={b.conclusion}>
            {b.label}
          </option>
        ))}
      </select>
      {(differs || reason !== '') && (
        <label className="score-text-field">
          <span className={differs ? 'required-label' : undefined}>{t.scoring.conclusionReason}</span>
          <textarea
            rows={2}
            value={reason}
            disabled={disabled}
            onChange={(e) => setConclusion({ reason: e.target.value })}
            data-testid="conclusion-reason"
          />
        </label>
      )}
    </section>
  );
}
