// Owns the frame every 规则配置 section shares: its heading, hint and 添加 button; a rule's row tools (上移 / 下移 / 删除); a rule's explanation-and-citation row; and the problems the last save or test run found in a row, shown under it.
import type { ReactNode } from 'react';
import { t } from '../../../locale/zh-CN';
import { Icon } from '../../../ui/Icon';
import { CitationCell, TextCell } from './cells';
import { useProfiles } from './store';

export function SectionFrame({
  title,
  hint,
  onAdd,
  addLabel,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  onAdd?: () => void;
  addLabel?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="profile-section" data-testid={testId}>
      <div className="bureau-toolbar">
        <h3 className="bureau-h2">{title}</h3>
        {onAdd && (
          <button type="button" className="btn btn-small" onClick={onAdd} data-testid={testId ? `${testId}-add` : undefined}>
            <Icon name="plus" />
            {addLabel ?? t.profiles.add}
          </button>
        )}
      </div>
      {hint && <p className="profile-hint">{hint}</p>}
      {children}
    </section>
  );
}

/** 上移 · 下移 · 删除 for the rule at `index` of `count`. */
export function RowTools({
  index,
  count,
  onMove,
  onRemove,
  what,
}: {
  index: number;
  count: number;
  onMove?: (by: -1 | 1) => void;
  onRemove: () => void;
  what: string;
}) {
  return (
    <div className="profile-row-tools">
      {onMove && (
        <>
          <button
            type="button"
            className="btn btn-small"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t.profiles.moveUp(what)}
            title={t.profiles.moveUp(what)}
          >
            <Icon name="up" size={14} />
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t.profiles.moveDown(what)}
            title={t.profiles.moveDown(what)}
          >
            <Icon name="down" size={14} />
          </button>
        </>
      )}
      <button
        type="button"
        className="btn btn-small btn-danger"
        onClick={onRemove}
        aria-label={t.profiles.remove(what)}
        title={t.profiles.remove(what)}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

/** The problems whose path lies in `prefix` (`redFlags[2]`), as a row under the rule; nothing when there are none. */
export function RowProblems({ prefix, colSpan }: { prefix: string; colSpan: number }) {
  const problems = useProfiles((s) => s.problems);
  const mine = problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
  if (mine.length === 0) return null;
  return (
    <tr className="profile-row-problems">
      <td colSpan={colSpan}>
        {mine.map((p, i) => (
          <p key={i} className="bureau-error" role="alert">
            {p.message}
          </p>
        ))}
      </td>
    </tr>
  );
}

/** Rows of a rule table have problems too when the save failed: the rule's body gets a class for it. */
export function useHasProblems(prefix: string): boolean {
  return useProfiles((s) =>
    s.problems.some((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`)),
  );
}

/** A rule's second row: the explanation shown with its finding, and the article it cites. */
export function RuleNoteRow<R extends { explanation: string; citation: string }>({
  rule,
  onChange,
  what,
  citationSpan,
}: {
  rule: R;
  onChange: (next: R) => void;
  what: string;
  citationSpan: number;
}) {
  return (
    <tr>
      <td colSpan={3}>
        <TextCell
          value={rule.explanation}
          onChange={(explanation) => onChange({ ...rule, explanation })}
          label={`${what}${t.profiles.col.explanation}`}
          placeholder={t.profiles.col.explanation}
        />
      </td>
      <td colSpan={citationSpan}>
        <CitationCell
          value={rule.citation}
          onChange={(citation) => onChange({ ...rule, citation })}
          label={`${what}${t.profiles.col.citation}`}
        />
      </td>
    </tr>
  );
}
