// Owns an opinion textarea of the score form with its length counter ("123/2000", the limit the core also enforces) and its
// phrase library: Ctrl+Space or the 插入常用意见 button opens the picker, and a picked phrase is inserted at the caret through
// the field's own change path (so autosave and undo see it).
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { opinionLimits, textLength } from '../../../../shared/scoreInput';
import { isMod } from '../../../lib/keys';
import { t } from '../../../locale/zh-CN';
import { PhraseManager } from './PhraseManager';
import { PhrasePopover } from './PhrasePopover';

interface Props {
  /** The phrase group of this field: a dimension id, `chapter.<id>`, `investment` or `overall`. */
  group: string;
  value: string;
  onChange(text: string): void;
  disabled: boolean;
  label?: ReactNode;
  ariaLabel?: string;
  rows?: number;
  className?: string;
  /** data-testid and data-* attributes of the textarea. */
  data: Record<string, string>;
  /** Characters the field may hold (the core refuses more). */
  maxChars?: number;
  /** False for a field the phrase library has nothing for (低分理由). */
  withPhrases?: boolean;
}

export function OpinionField({
  group,
  value,
  onChange,
  disabled,
  label,
  ariaLabel,
  rows = 2,
  className,
  data,
  maxChars = opinionLimits.field,
  withPhrases = true,
}: Props) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [managing, setManaging] = useState(false);
  // What a picked phrase replaces: the field's selection when the picker opened (its end when the field had no focus).
  const range = useRef<[number, number]>([0, 0]);
  // Where the caret goes once the inserted text has rendered.
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (caret.current === null || !el) return;
    el.focus();
    el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [value]);

  const length = textLength(value);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) ref.current?.focus();
  };

  const openPicker = () => {
    const el = ref.current;
    range.current = el && document.activeElement === el ? [el.selectionStart, el.selectionEnd] : [value.length, value.length];
    setOpen(true);
  };

  const insert = (phrase: string) => {
    const start = Math.min(range.current[0], value.length);
    const end = Math.min(range.current[1], value.length);

    // A phrase never takes the field past its limit: what does not fit is left out.
    const room = Math.max(0, maxChars - textLength(value) + textLength(value.slice(start, end)));
    const fitted = [...phrase].slice(0, room).join('');
    caret.current = start + fitted.length;
    setOpen(false);
    onChange(value.slice(0, start) + fitted + value.slice(end));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (withPhrases && e.ctrlKey && (e.code === 'Space' || e.key === ' ')) {
      e.preventDefault();
      openPicker();
    }
  };

  // Ctrl+Z in the picker's search box or the manage dialog undoes that typing, not the review (the form listens for it).
  const keepUndoLocal = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isMod(e.nativeEvent) && e.key.toLowerCase() === 'z') e.stopPropagation();
  };

  return (
    <div className={label ? 'score-text-field' : undefined}>
      {label && <label htmlFor={id}>{label}</label>}
      <div className="opinion-field">
        <textarea
          ref={ref}
          id={id}
          rows={rows}
          className={className}
          value={value}
          disabled={disabled}
          aria-label={ariaLabel}
          aria-keyshortcuts={withPhrases ? 'Control+Space' : undefined}
          maxLength={maxChars}
          aria-describedby={`${id}-count`}
          aria-invalid={length > maxChars || undefined}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          {...data}
        />
        <span
          id={`${id}-count`}
          className={`opinion-count${length > maxChars ? ' over' : length > maxChars * 0.9 ? ' near' : ''}`}
          title={length > maxChars ? t.desk.counterOver(length, maxChars) : undefined}
          data-testid="opinion-count"
        >
          {t.desk.counter(length, maxChars)}
        </span>
        {!disabled && withPhrases && (
          <button
            type="button"
            className="phrase-open"
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (open ? setOpen(false) : openPicker())}
            title={t.phrases.openHint}
            aria-expanded={open}
            data-testid="phrase-open"
          >
            {t.phrases.open}
          </button>
        )}
        {open && (
          <div onKeyDown={keepUndoLocal}>
            <PhrasePopover
              group={group}
              onPick={insert}
              onClose={close}
              onManage={() => {
                setOpen(false);
                setManaging(true);
              }}
            />
          </div>
        )}
      </div>
      {managing && (
        <div onKeyDown={keepUndoLocal}>
          <PhraseManager
            group={group}
            onClose={() => {
              setManaging(false);
              ref.current?.focus();
            }}
          />
        </div>
      )}
    </div>
  );
}
