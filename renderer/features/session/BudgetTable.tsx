// Owns the budget-lines table (预算明细): name and category, quantity and unit, unit price and amount in 万元, with a total row.
import type { BudgetLineInfo } from '../../../shared/domain';
import { fenToWan, formatQuantity } from '../../lib/format';
import { t } from '../../locale/zh-CN';

/** The panel is narrow: category sits under the name and the unit beside the quantity, so both amounts stay readable. */
export function BudgetTable({ lines }: { lines: BudgetLineInfo[] }) {
  if (lines.length === 0) return <p className="muted">{t.panel.budgetEmpty}</p>;
  const c = t.panel.budgetColumns;
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
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
            <th scope="col" className="num">{c.unitPrice}</th>
            <th scope="col" className="num">{c.amount}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} title={l.note || undefined} data-testid="budget-line">
              <td className="budget-name">
                {l.name}
                {l.category && <span className="budget-sub">{l.category}</span>}
              </td>
              <td className="num">
                {formatQuantity(l.quantity)}
                {l.unit && <span className="budget-unit">{l.unit}</span>}
              </td>
              <td className="num">{fenToWan(l.unitPriceFen)}</td>
              <td className="num budget-amount">{fenToWan(l.amountFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t.panel.budgetTotal}
            </th>
            <td className="num" data-testid="budget-total">
              {fenToWan(totalFen)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
