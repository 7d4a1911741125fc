// Owns one dimension (评分维度) of the form: its sub-criteria scores with guidance, the subtotal, the low-score reason when required, and the opinion
// (the texts also serve the full-width table, ScoreTable.tsx).
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
          dimensionName={d.name}
          criterion={c}
          value={entry?.scores[c.id] ?? null}
          disabled={disabled}
          onChange={(score) => edit(setScore(d.id, c.id, score), `score.${d.id}.${c.id}`)}
        />
      ))}
      <DimensionTexts dimension={d} total={total} entry={entry} disabled={disabled} />
    </section>
  );
}

/** The low-score reason (when the subtotal requires one or it was written) and the dimension's opinion. */
export function DimensionTexts({ dimension: d, total, entry, disabled }: Props) {
  const edit = useScoring((s) => s.edit);
  return (
    <>
      {(total.lowScore || (entry?.lowScoreReason ?? '') !== '') && (
        <OpinionField
          group={d.id}
          label={<span className={total.lowScore ? 'required-label' : undefined}>{t.scoring.lowScoreReason}</span>}
          value={entry?.lowScoreReason ?? ''}
          disabled={disabled}
          withPhrases={false}
          onChange={(text) => edit(setDimensionText(d.id, 'lowScoreReason', text), `low.${d.id}`)}
          data={{ 'data-testid': 'low-score-reason', 'data-dimension': d.id }}
        />
      )}
      <OpinionField
        group={d.id}
        label={t.scoring.dimensionOpinion(d.name)}
        value={entry?.opinion ?? ''}
        disabled={disabled}
        onChange={(text) => edit(setDimensionText(d.id, 'opinion', text), `opinion.${d.id}`)}
        data={{ 'data-testid': 'dimension-opinion', 'data-dimension': d.id }}
      />
    </>
  );
}
