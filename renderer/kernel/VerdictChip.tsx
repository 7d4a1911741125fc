// Owns the pre-check verdict chip of a budget line (纳入 / 不纳入 / 经评估可纳入), its reason and article in the tooltip; used by 项目信息 and 投资审核.
// A verdict only 参考做法 gives (本区办法未作规定) reads “不纳入（参考）”, so it is not taken for the regulation's own.
import { isReferencePractice, type PrecheckReport } from '../../shared/precheck';
import { t } from '../locale/zh-CN';

export type BudgetVerdict = PrecheckReport['budgetLines'][number];

interface Props {
  verdict: BudgetVerdict;
  /** Whether the reason is unfolded; with `onToggle` the chip is a button that unfolds it. */
  expanded?: boolean;
  onToggle?: () => void;
}

export function VerdictChip({ verdict, expanded, onToggle }: Props) {
  return (
    <button
      type="button"
      className={`verdict-chip verdict-${verdict.verdict}`}
      onClick={onToggle}
      aria-expanded={onToggle ? expanded : undefined}
      tabIndex={onToggle ? undefined : -1}
      title={t.panel.verdictTitle(verdict.reason, verdict.citation)}
      data-testid="budget-verdict"
      data-verdict={verdict.verdict}
      data-reference={isReferencePractice(verdict.citation) || undefined}
    >
      {t.precheck.verdicts[verdict.verdict]}
      {isReferencePractice(verdict.citation) && t.precheck.referenceVerdict}
    </button>
  );
}
