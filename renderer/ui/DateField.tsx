// Owns date entry as users in China write it: a YYYY-MM-DD text field (what the forms' errors ask for, whatever the
// browser's language) and a Chinese month calendar beside it, fully usable by keyboard (arrows move a day or a week,
// PageUp/PageDown a month, Home/End the week's ends, Enter picks, Escape closes). Not <input type="date">: an en-US
// Chromium shows it as mm/dd/yyyy. Hand-written rather than a date-picker package: one field, a 7 × 6 grid of UTC
// dates, no locale tables or stylesheet to carry.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../locale/zh-CN';

const DAY_MS = 86_400_000;

/** The UTC midnight of a well-formed, real calendar date 'YYYY-MM-DD'; else null. */
export function parseIsoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? date : null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
function addMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}
/** Monday-first weekday index 0–6 (the Chinese calendar week starts on 星期一). */
const weekday = (d: Date) => (d.getUTCDay() + 6) % 7;

/** The 6 weeks shown for the month of `d`, Monday first. */
export function monthGrid(d: Date): Date[] {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const start = addDays(first, -weekday(first));
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}

function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

interface DateFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  testId?: string;
}

export function DateField({ id, value, onChange, testId, ...aria }: DateFieldProps) {
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState<Date>(() => parseIsoDate(value) ?? today());
  const toggle = useRef<HTMLButtonElement>(null);
  const grid = useRef<HTMLDivElement>(null);

  const box = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (open) grid.current?.querySelector<HTMLButtonElement>('[tabindex="0"]')?.focus();
  }, [open, focus]);
  useEffect(() => {
    if (!open) return;
    // A press anywhere outside the field closes the calendar, as a menu would.
    const outside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const pick = (d: Date) => {
    onChange(iso(d));
    close();
  };
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => Date> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, -1),
      PageDown: () => addMonths(focus, 1),
      Home: () => addDays(focus, -weekday(focus)),
      End: () => addDays(focus, 6 - weekday(focus)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setFocus(move());
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const selected = parseIsoDate(value);
  const month = focus.getUTCMonth();
  const days = monthGrid(focus);
  return (
    <span className="date-field" ref={box}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t.common.datePlaceholder}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        {...aria}
        data-testid={testId}
      />
      <button
        ref={toggle}
        type="button"
        className="btn btn-small"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setFocus(selected ?? today());
          setOpen(!open);
        }}
        data-testid={testId && `${testId}-picker`}
      >
        {t.common.pickDate}
      </button>
      {open && (
        <div className="date-popover" role="dialog" aria-label={t.common.pickDate} onKeyDown={onKey}>
          <div className="date-popover-head">
            <button type="button" className="btn btn-small" onClick={() => setFocus(addMonths(focus, -1))}>
              {t.common.prevMonth}
            </button>
            <strong aria-live="polite">{t.common.monthTitle(focus.getUTCFullYear(), month + 1)}</strong>
            <button type="button" className="btn btn-small" onClick={() => setFocus(addMonths(focus, 1))}>
              {t.common.nextMonth}
            </button>
          </div>
          <div ref={grid} role="grid" className="date-grid" aria-label={t.common.monthTitle(focus.getUTCFullYear(), month + 1)}>
            <div role="row" className="date-row">
              {t.common.weekdays.map((w) => (
                <span key={w} role="columnheader" className="date-weekday">
                  {w}
                </span>
              ))}
            </div>
            {[0, 1, 2, 3, 4, 5].map((week) => (
              <div role="row" className="date-row" key={week}>
                {days.slice(week * 7, week * 7 + 7).map((d) => (
                  <span role="gridcell" key={iso(d)} aria-selected={selected !== null && iso(d) === iso(selected)}>
                    <button
                      type="button"
                      tabIndex={iso(d) === iso(focus) ? 0 : -1}
                      className={`date-day${d.getUTCMonth() === month ? '' : ' other-month'}${iso(d) === iso(today()) ? ' today' : ''}`}
                      aria-label={t.common.dayLabel(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())}
                      onClick={() => pick(d)}
                      data-date={iso(d)}
                    >
                      {d.getUTCDate()}
                    </button>
                  </span>
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </span>
  );
}
