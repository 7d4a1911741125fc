// Owns the dimensions of the full-width score table (全宽评分表), laid out like the paper form experts know: one row per
// sub-criterion (评审维度/子项, 分值范围, 评分要点, 得分) and, beside each dimension's rows, its reasons and opinion (理由/意见).
import type { Rubric } from '../../../shared/profile';
import type { DimensionTotal, Review } from '../../../shared/scoring';
import { t } from '../../locale/zh-CN';
import { DimensionTexts } from './DimensionSection';
import { setScore } from './edits';
import { ScoreInput } from './ScoreInput';
import { useScoring } from './store';

interface Props {
  rubric: Rubric;
  totals: DimensionTotal[];
  dimensions: Review['dimensions'];
  disabled: boolean;
}

export function ScoreTable({ rubric, totals, dimensions, disabled }: Props) {
  const edit = useScoring((s) => s.edit);
  const c = t.desk.tableColumns;
  return (
    <table className="score-table" data-testid="score-table">
      <caption className="visually-hidden">{t.desk.tableCaption}</caption>
      <colgroup>
        <col className="score-col-item" />
        <col className="score-col-range" />
        <col className="score-col-guidance" />
        <col className="score-col-score" />
        <col className="score-col-opinion" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{c.item}</th>
          <th scope="col">{c.range}</th>
          <th scope="col">{c.guidance}</th>
          <th scope="col">{c.score}</th>
          <th scope="col">{c.opinion}</th>
        </tr>
      </thead>
      {rubric.dimensions.map((d, i) => {
        const total = totals[i]!;
        const entry = dimensions[d.id];
        return (
          <tbody key={d.id} className="score-table-group" data-testid="score-dimension" data-dimension={d.id}>
            <tr className="score-table-dimension">
              <th scope="rowgroup" colSpan={3}>
                <span className="score-table-dimension-name">{d.name}</span>
                <span className="score-table-dimension-guidance">{d.guidance}</span>
              </th>
              <td>
                <span
                  className={`dimension-subtotal${total.lowScore ? ' low' : ''}`}
                  title={t.desk.dimensionTotal(d.name)}
                  data-testid="dimension-subtotal"
                >
                  {t.scoring.subtotal(total.subtotal, d.maxPoints)}
                </span>
              </td>
              <td rowSpan={d.subCriteria.length + 1} className="score-table-opinion">
                <DimensionTexts dimension={d} total={total} entry={entry} disabled={disabled} />
              </td>
            </tr>
            {d.subCriteria.map((criterion) => (
              <tr key={criterion.id}>
                <ScoreInput
                  layout="table"
                  dimensionId={d.id}
                  dimensionName={d.name}
                  criterion={criterion}
                  value={entry?.scores[criterion.id] ?? null}
                  disabled={disabled}
                  onChange={(score) => edit(setScore(d.id, criterion.id, score), `score.${d.id}.${criterion.id}`)}
                />
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
