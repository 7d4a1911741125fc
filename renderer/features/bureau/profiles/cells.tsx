// Owns the inline inputs of the 规则配置 tables: text, number, a list typed as text (、 or one per line), chips picked from a set, and the citation cell that fills “<引用名称> 第X条” from the article picked.
import { useMemo, useState } from 'react';
import { referencePracticeCitation } from '../../../../shared/precheck';
import { citablePlaces } from '../../../../shared/regulation';
import { t } from '../../../locale/zh-CN';
import { splitLines, splitList } from './profileEdits';
import { useProfiles } from './store';

interface Labelled {
  /** What a screen reader says for the cell: 第 2 条规则的名称. */
  label: string;
  testId?: string;
}

export function TextCell({
  value,
  onChange,
  label,
  testId,
  multiline,
  placeholder,
}: Labelled & { value: string; onChange(v: string): void; multiline?: boolean; placeholder?: string }) {
  if (multiline)
    return (
      <textarea
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={label}
        placeholder={placeholder}
        data-testid={testId}
      />
    );
  return (
    <input value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} placeholder={placeholder} data-testid={testId} />
  );
}

const numberText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v));
const parseNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/** A number; an emptied or mistyped field gives undefined or NaN, which the check refuses with the field named (never a silent 0). */
export function NumberCell({
  value,
  onChange,
  label,
  testId,
}: Labelled & { value: number | undefined; onChange(v: number | undefined): void }) {
  const [text, setText] = useState(numberText(value));
  // The text as typed while it still means the value ("1." while typing 1.5), else the value given from outside.
  const shown = Object.is(parseNumber(text), value) ? text : numberText(value);
  return (
    <input
      className="num"
      inputMode="decimal"
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseNumber(e.target.value));
      }}
      aria-label={label}
      data-testid={testId}
    />
  );
}

/**
 * A list typed as text — words separated by 、 (`lines`: one per line, for patterns, which may hold commas). The text
 * is kept as typed while it still means the same list, so a separator being typed does not vanish.
 */
export function ListCell({
  values,
  onChange,
  label,
  testId,
  lines,
}: Labelled & { values: readonly string[]; onChange(v: string[]): void; lines?: boolean }) {
  const split = lines ? splitLines : splitList;
  const joined = values.join(lines ? '\n' : '、');
  const [text, setText] = useState(joined);
  const shown = split(text).join('\u0000') === values.join('\u0000') ? text : joined;
  return (
    <textarea
      className={lines ? 'mono' : undefined}
      rows={Math.min(4, Math.max(1, lines ? values.length : Math.ceil(joined.length / 14)))}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        onChange(split(e.target.value));
      }}
      aria-label={label}
      placeholder={lines ? t.profiles.onePerLine : t.profiles.separated}
      data-testid={testId}
    />
  );
}

/** Chosen values as chips (× removes one) and a select to add another; `empty` is shown when none is chosen. */
export function ChipsCell<T extends string>({
  values,
  options,
  labels,
  onChange,
  label,
  empty,
  testId,
}: Labelled & { values: readonly T[]; options: readonly T[]; labels: Record<T, string>; onChange(v: T[]): void; empty?: string }) {
  const left = options.filter((o) => !values.includes(o));
  return (
    <div className="profile-chips" data-testid={testId}>
      {values.length === 0 && empty && <span className="muted">{empty}</span>}
      {values.map((v) => (
        <span key={v} className="profile-chip">
          {labels[v] ?? v}
          <button
            type="button"
            onClick={() => onChange(values.filter((x) => x !== v))}
            aria-label={t.profiles.removeChip(labels[v] ?? v, label)}
          >
            ×
          </button>
        </span>
      ))}
      {left.length > 0 && (
        <select
          value=""
          onChange={(e) => {
            if (e.target.value) onChange([...values, e.target.value as T]);
          }}
          aria-label={t.profiles.addChip(label)}
        >
          <option value="">{t.profiles.add}</option>
          {left.map((o) => (
            <option key={o} value={o}>
              {labels[o] ?? o}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

/** The places of the imported regulation under the working copy's 引用名称, and how often the rules cite each. */
export function useCitationPlaces() {
  const outline = useProfiles((s) => s.detail?.regulation?.outline ?? null);
  const citeAs = useProfiles((s) => s.working?.citeAs ?? '');
  return useMemo(() => (outline ? citablePlaces(outline, citeAs || outline.title) : []), [outline, citeAs]);
}

const shortText = (s: string, n = 16) => {
  const flat = s.replace(/\s+/g, '');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

/**
 * The rule's citation: pick an article (or item, or annex) of the imported regulation, which writes “<引用名称> 第X条”,
 * or 参考做法 for a rule the regulation does not lay down; the text stays editable for anything else (a national document).
 */
export function CitationCell({ value, onChange, label, testId }: Labelled & { value: string; onChange(v: string): void }) {
  const places = useCitationPlaces();
  const picked = places.find((p) => p.citation === value)?.key ?? (value === referencePracticeCitation ? 'reference' : '');
  return (
    <div className="profile-citation">
      <select
        value={picked}
        onChange={(e) => {
          const key = e.target.value;
          if (key === 'reference') onChange(referencePracticeCitation);
          else {
            const place = places.find((p) => p.key === key);
            if (place) onChange(place.citation);
          }
        }}
        aria-label={t.profiles.pickArticle(label)}
        data-testid={testId ? `${testId}-pick` : undefined}
      >
        <option value="">{places.length ? t.profiles.pickPlaceholder : t.profiles.noRegulation}</option>
        {places.map((p) => (
          <option key={p.key} value={p.key}>
            {'article' in p.place
              ? p.place.item
                ? `\u3000${p.place.article.label}${p.place.item.label} ${shortText(p.place.item.text)}`
                : `${p.place.article.label} ${shortText(p.place.article.text)}`
              : `${p.place.annex.label} ${p.place.annex.title}`}
          </option>
        ))}
        <option value="reference">{referencePracticeCitation}</option>
      </select>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={label}
        className="profile-citation-text"
        data-testid={testId}
      />
    </div>
  );
}
