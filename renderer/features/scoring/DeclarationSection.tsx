// Owns the first part of the form: the conflict-of-interest declaration (回避声明; a declared conflict closes the project) and the expert's familiarity (熟悉程度).
import { familiarities, familiarityLabels, type Familiarity, type Review } from '../../../shared/scoring';
import { t } from '../../locale/zh-CN';
import { patch } from './edits';
import { useScoring } from './store';

export function DeclarationSection({ review, disabled }: { review: Review; disabled: boolean }) {
  const edit = useScoring((s) => s.edit);
  const conflict = review.conflict;
  const choose = (hasConflict: boolean) => edit(patch({ conflict: { hasConflict, note: conflict?.note ?? '' } }), 'conflict');
  return (
    <section className="panel-section">
      <h3 className="panel-heading">{t.scoring.conflictTitle}</h3>
      <p className="score-prompt" id="conflict-prompt">
        {t.scoring.conflictPrompt}
      </p>
      <div className="choice-row" role="radiogroup" aria-labelledby="conflict-prompt">
        <button
          type="button"
          role="radio"
          aria-checked={conflict?.hasConflict === false}
          className={`choice${conflict?.hasConflict === false ? ' chosen' : ''}`}
          disabled={disabled}
          onClick={() => choose(false)}
          data-testid="conflict-none"
        >
          {t.scoring.conflictNone}
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={conflict?.hasConflict === true}
          className={`choice choice-warn${conflict?.hasConflict ? ' chosen' : ''}`}
          disabled={disabled}
          onClick={() => choose(true)}
          data-testid="conflict-declare"
        >
          {t.scoring.conflictDeclare}
        </button>
      </div>
      {conflict?.hasConflict && (
        <>
          <label className="score-text-field">
            <span className="required-label">{t.scoring.conflictNote}</span>
            <textarea
              rows={2}
              value={conflict.note}
              disabled={disabled}
              onChange={(e) => edit(patch({ conflict: { hasConflict: true, note: e.target.value } }), 'conflict.note')}
              data-testid="conflict-note"
            />
          </label>
          <p className="score-recused" data-testid="score-recused">
            {t.scoring.recused}
          </p>
        </>
      )}
      {conflict?.hasConflict === false && (
        <label className="familiarity-field">
          <span>{t.scoring.familiarity}</span>
          <select
            value={review.familiarity ?? ''}
            disabled={disabled}
            onChange={(e) => edit(patch({ familiarity: e.target.value === '' ? null : (e.target.value as Familiarity) }), 'familiarity')}
            data-testid="familiarity"
          >
            <option value="">{t.scoring.familiarityPick}</option>
            {familiarities.map((f) => (
              <option key={f} value={f}>
                {familiarityLabels[f]}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
