// Owns one score field: the expert types a number, it is read and checked as typed (0–满分, 0.5 steps), and Enter moves to the next score.
import { useId, type KeyboardEvent } from 'react';
import type { RubricDimension } from '../../../shared/profile';
import { parseScore } from '../../../shared/scoreInput';
import { t } from '../../locale/zh-CN';
import { useTypedValue } from './useTypedValue';

type SubCriterion = RubricDimension['subCriteria'][number];

interface Props {
  dimensionId: string;
  criterion: SubCriterion;
  value: number | null;
  disabled: boolean;
  onChange(value: number | null): void;
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

export function ScoreInput({ dimensionId, criterion, value, disabled, onChange }: Props) {
  const { text, error, onText } = useTypedValue(value, (typed) => parseScore(typed, criterion), String, onChange);
  const errorId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    focusNextScore(e.currentTarget, e.shiftKey);
  };

  return (
    <div className={`score-row${error ? ' invalid' : ''}`}>
      <label className="score-label" htmlFor={`${errorId}-input`}>
        <span className="score-name">{criterion.name}</span>
        <span className="score-guidance">{criterion.guidance}</span>
      </label>
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
          onChange={(e) => onText(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="score-input"
          data-dimension={dimensionId}
          data-criterion={criterion.id}
        />
        <span className="score-max">/ {criterion.maxPoints}</span>
      </div>
      {error && (
        <p id={errorId} className="score-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
