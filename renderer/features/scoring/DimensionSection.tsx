// Owns one dimension (评分维度) of the form: its sub-criteria scores with guidance, the subtotal, the low-score reason when required, and the opinion.
import type { RubricDimension } from '../../../shared/profile';
import type { DimensionReview, DimensionTotal } from '../../../shared/scoring';
import { t } from '../../locale/zh-CN';
import { OpinionField } from './phrases/OpinionField';
import { setDimensionText, setScore } from './edits';
import { ScoreInput } from './ScoreInput';
import { useScoring } from './store';

interface Props {
  dimension: RubricDimension;
  total: DimensionTotal;
  entry: DimensionReview | undefined;
  disabled: boolean;
}

export function DimensionSection({ dimension: d, total, entry, disabled }: Props) {
  const edit = useScoring((s) => s.edit);
  return (
    <section className="panel-section score-dimension" data-testid="score-dimension" data-dimension={d.id}>
      <h3 className="panel-heading">
        {d.name}
        <span className={`dimension-subtotal${total.lowScore ? ' low' : ''}`} data-testid="dimension-subtotal">
          {t.scoring.subtotal(total.subtotal, d.maxPoints)}
        </span>
      </h3>
      <p className="score-dimension-guidance">{d.guidance}</p>
      {d.subCriteria.map((c) => (
        <ScoreInput
          key={c.id}
          dimensionId={d.id}
          criterion={c}
          value={entry?.scores[c.id] ?? null}
          disabled={disabled}
          onChange={(score) => edit(setScore(d.id, c.id, score), `score.${d.id}.${c.id}`)}
        />
      ))}
      {(total.lowScore || (entry?.lowScoreReason ?? '') !== '') && (
        <label className="score-text-field">
          <span className={total.lowScore ? 'required-label' : undefined}>{t.scoring.lowScoreReason}</span>
          <textarea
            rows={2}
            value={entry?.lowScoreReason ?? ''}
            disabled={disabled}
            onChange={(e) => edit(setDimensionText(d.id, 'lowScoreReason', e.target.value), `low.${d.id}`)}
            data-testid="low-score-reason"
            data-dimension={d.id}
          />
        </label>
      )}
      <OpinionField
        group={d.id}
        label={t.scoring.dimensionOpinion(d.name)}
        value={entry?.opinion ?? ''}
        disabled={disabled}
        onChange={(text) => edit(setDimensionText(d.id, 'opinion', text), `opinion.${d.id}`)}
        data={{ 'data-testid': 'dimension-opinion', 'data-dimension': d.id }}
      />
    </section>
  );
}
