// Owns one score field: the expert types a number, it is read and checked as typed (0–满分, 0.5 steps) and reaches the review
// once valid and paused on (or on leaving the field); Enter moves to the next score. Laid out as a form row or a table row.
import { useId, type KeyboardEvent } from 'react';
import type { RubricDimension } from '../../../shared/profile';
import { parseScore } from '../../../shared/scoreInput';
import { isMod } from '../../lib/keys';
import { t } from '../../locale/zh-CN';
import { useTypedValue } from './useTypedValue';

type SubCriterion = RubricDimension['subCriteria'][number];

interface Props {
  dimensionId: string;
  /** The dimension's name, for the status line when the typed value is refused. */
  dimensionName: string;
  criterion: SubCriterion;
  value: number | null;
  disabled: boolean;
  onChange(value: number | null): void;
  /** `table`: the cells of a row of the full-width score table (名称, 分值范围, 评分要点, 得分); `form`: one labelled row. */
  layout?: 'form' | 'table';
}

/** Moves focus to the next score field of the form (Shift+Enter: the previous one). */
function focusNextScore(from: HTMLInputElement, back: boolean): void {
  const all = [...document.querySelectorAll<HTMLInputElement>('[data-testid="score-input"]:not(:disabled)')];
  const next = all[all.indexOf(from) + (back ? -1 : 1)];
  if (next) {
    next.focus();
    next.select();
  }
}

export function ScoreInput({ dimensionId, dimensionName, criterion, value, disabled, onChange, layout = 'form' }: Props) {
  const { text, error, onText, commit } = useTypedValue(value, (typed) => parseScore(typed, criterion), String, onChange, {
    key: `score.${dimensionId}.${criterion.id}`,
    where: `${dimensionName} · ${criterion.name}`,
  });
  const errorId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Undo must see what was typed a moment ago as its own step.
    if (isMod(e.nativeEvent) && e.key.toLowerCase() === 'z') commit();
    if (e.key !== 'Enter') return;
    e.preventDefault();
    commit();
    focusNextScore(e.currentTarget, e.shiftKey);
  };

  const field = (
    <div className="score-field">
      <input
        id={`${errorId}-input`}
        className="score-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        placeholder={t.scoring.scorePlaceholder}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        aria-label={layout === 'table' ? `${dimensionName} ${criterion.name} ${t.scoring.scorePlaceholder}` : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        data-testid="score-input"
        data-dimension={dimensionId}
        data-criterion={criterion.id}
        data-field={`score.${dimensionId}.${criterion.id}`}
      />
      <span className="score-max">/ {criterion.maxPoints}</span>
    </div>
  );
  const message = error && (
    <p id={errorId} className="score-error" role="alert">
      {error}
    </p>
  );

  if (layout === 'table') {
    return (
      <>
        <th scope="row" className="score-table-name">
          {criterion.name}
        </th>
        <td className="score-table-range">0–{criterion.maxPoints}</td>
        <td className="score-table-guidance">{criterion.guidance}</td>
        <td className={`score-table-score${error ? ' invalid' : ''}`}>
          {field}
          {message}
        </td>
      </>
    );
  }
  return (
    <div className={`score-row${error ? ' invalid' : ''}`}>
      <label className="score-label" htmlFor={`${errorId}-input`}>
        <span className="score-name">{criterion.name}</span>
        <span className="score-guidance">{criterion.guidance}</span>
      </label>
      {field}
      {message}
    </div>
  );
}
