// Owns the budget-lines table (预算明细): name, category, quantity, unit, unit price and amount in 万元, with a total row.
import type { BudgetLineInfo } from '../../../shared/domain';
import { fenToWan, formatQuantity } from '../../lib/format';
import { t } from '../../locale/zh-CN';

export function BudgetTable({ lines }: { lines: BudgetLineInfo[] }) {
  if (lines.length === 0) return <p className="muted">{t.panel.budgetEmpty}</p>;
  const c = t.panel.budgetColumns;
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  return (
    <div className="budget-scroll">
      <table className="budget-table" data-testid="budget-table">
        <thead>
          <tr>
            <th scope="col">{c.name}</th>
            <th scope="col">{c.category}</th>
            <th scope="col" className="num">{c.quantity}</th>
            <th scope="col">{c.unit}</th>
            <th scope="col" className="num">{c.unitPrice}</th>
            <th scope="col" className="num">{c.amount}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} title={l.note || undefined}>
              <td className="budget-name">{l.name}</td>
              <td>{l.category}</td>
              <td className="num">{formatQuantity(l.quantity)}</td>
              <td>{l.unit}</td>
              <td className="num">{fenToWan(l.unitPriceFen)}</td>
              <td className="num">{fenToWan(l.amountFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
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
