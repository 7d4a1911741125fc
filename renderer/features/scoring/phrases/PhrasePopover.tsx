// Owns the phrase picker beside an opinion field: a search box and the matching phrases (this field's group first); ↑/↓ choose, Enter or a click inserts, Esc closes.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { phraseGroups, searchPhrases } from '../../../../shared/phrases';
import { userMessage } from '../../../lib/errors';
import { showError } from '../../../kernel/notices';
import { t } from '../../../locale/zh-CN';
import { allPhrases, usePhrases } from './store';

interface Props {
  group: string;
  onPick(text: string): void;
  /** `refocus`: give the caret back to the field (Esc); false when focus already moved elsewhere. */
  onClose(refocus: boolean): void;
  onManage(): void;
}

export function PhrasePopover({ group, onPick, onClose, onManage }: Props) {
  const library = usePhrases((s) => s.library);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    usePhrases
      .getState()
      .ensure()
      .catch((e: unknown) => showError(userMessage(e)));
  }, []);

  // With no query, only this field's phrases; a search reaches the whole library, this field's group first.
  const matches = searchPhrases(query, { group, phrases: allPhrases(library) }).filter((p) => query.trim() !== '' || p.group === group);
  const personal = new Set(library?.personal.map((p) => p.id));
  const current = Math.min(active, Math.max(0, matches.length - 1));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % Math.max(1, matches.length));
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      if (matches[current]) onPick(matches[current].text);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    }
  };

  return (
    <div
      className="phrase-popover"
      role="dialog"
      aria-label={t.phrases.title}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) onClose(false);
      }}
      data-testid="phrase-popover"
    >
      <div className="phrase-popover-head">
        <input
          type="search"
          className="phrase-search"
          value={query}
          autoFocus
          placeholder={t.phrases.search}
          aria-label={t.phrases.search}
          aria-controls="phrase-list"
          aria-activedescendant={matches[current] ? `phrase-${matches[current].id}` : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          data-testid="phrase-search"
        />
        <button type="button" className="btn btn-small" onClick={onManage} data-testid="phrase-manage">
          {t.phrases.manage}
        </button>
      </div>
      <ul id="phrase-list" className="phrase-list" role="listbox" aria-label={t.phrases.title}>
        {matches.map((p, i) => (
          <li
            key={p.id}
            id={`phrase-${p.id}`}
            role="option"
            aria-selected={i === current}
            className={`phrase-item${i === current ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => onPick(p.text)}
            data-testid="phrase-item"
          >
            <span className="phrase-text">{p.text}</span>
            <span className="phrase-meta">
              {personal.has(p.id) && <span className="phrase-personal">{t.phrases.personal}</span>}
              {p.group !== group && <span>{phraseGroups[p.group] ?? p.group}</span>}
              {p.citation && <span>{p.citation}</span>}
            </span>
          </li>
        ))}
        {library && matches.length === 0 && <li className="phrase-empty">{t.phrases.empty}</li>}
      </ul>
    </div>
  );
}
