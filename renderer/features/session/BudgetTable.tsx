// Owns the budget-lines table (预算明细): name and category, quantity and unit, unit price and amount in 万元, with a total row;
// with a pre-check report, each line's verdict (纳入 / 不纳入 / 经评估可纳入) whose reason and article unfold under the line.
import { Fragment, useState } from 'react';
import type { BudgetLineInfo } from '../../../shared/domain';
import { fenToWan, formatQuantity } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { VerdictChip, type BudgetVerdict } from '../../kernel/VerdictChip';

interface Props {
  lines: BudgetLineInfo[];
  /** Absent until the pre-check report has arrived. */
  verdicts?: BudgetVerdict[];
}

/**
 * The panel is narrow: category sits under the name, the unit beside the quantity and the unit price under the amount,
 * so the names stay readable beside the verdicts.
 */
export function BudgetTable({ lines, verdicts }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  if (lines.length === 0) return <p className="muted">{t.panel.budgetEmpty}</p>;
  const c = t.panel.budgetColumns;
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  const byId = new Map(verdicts?.map((v) => [v.id, v]));
  const columns = verdicts ? 4 : 3;
  return (
    <div className="budget-scroll">
      <table className="budget-table" data-testid="budget-table">
        <thead>
          <tr>
            <th scope="col">
              {c.name}
              <span className="budget-sub">{c.category}</span>
            </th>
            <th scope="col" className="num">
              {c.quantity}
              <span className="budget-sub">{c.unit}</span>
            </th>
            <th scope="col" className="num">
              {c.amount}
              <span className="budget-sub">{c.unitPrice}</span>
            </th>
            {verdicts && <th scope="col">{t.panel.verdictColumn}</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const verdict = byId.get(l.id);
            const expanded = verdict !== undefined && open === l.id;
            return (
              <Fragment key={l.id}>
                <tr title={l.note || undefined} className={expanded ? 'expanded' : undefined} data-testid="budget-line">
                  <td className="budget-name">
                    {l.name}
                    {l.category && <span className="budget-sub">{l.category}</span>}
                  </td>
                  <td className="num">
                    {formatQuantity(l.quantity)}
                    {l.unit && <span className="budget-unit">{l.unit}</span>}
                  </td>
                  <td className="num">
                    <span className="budget-amount">{fenToWan(l.amountFen)}</span>
                    <span className="budget-sub">{fenToWan(l.unitPriceFen)}</span>
                  </td>
                  {verdicts && (
                    <td className="budget-verdict-cell">
                      {verdict && <VerdictChip verdict={verdict} expanded={expanded} onToggle={() => setOpen(expanded ? null : l.id)} />}
                    </td>
                  )}
                </tr>
                {expanded && (
                  <tr className="budget-reason-row">
                    <td colSpan={columns}>
                      <p>{verdict.reason}</p>
                      <p className="citation">
                        {t.panel.verdictBasis}：{verdict.citation}
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t.panel.budgetTotal}
            </th>
            <td className="num" data-testid="budget-total">
              {fenToWan(totalFen)}
            </td>
            {verdicts && <td />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
