// Owns a draft project's 概算表: the lines in 万元 with their total against the declared investment, a line typed in, removing one, and the XLSX import (BudgetImport).
import { useState } from 'react';
import { draftBudgetLineSchema, type DraftBudgetLine, type DraftProject } from '../../../shared/bureau';
import { parseAmountFen } from '../../../shared/scoreInput';
import { fenToWan, formatQuantity } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { BudgetImport } from './BudgetImport';
import { useBureau } from './store';

const blank = { name: '', category: '', quantity: '1', unit: '', unitPrice: '', amount: '' };

/** The next free line id b01, b02 … */
function nextLineId(lines: DraftBudgetLine[]): string {
  let n = lines.length + 1;
  const id = () => `b${String(n).padStart(2, '0')}`;
  while (lines.some((l) => l.id === id())) n += 1;
  return id();
}

export function BudgetEditor({ project }: { project: DraftProject }) {
  const [typed, setTyped] = useState(blank);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const total = project.budgetLines.reduce((s, l) => s + l.amountFen, 0);
  const saveLines = (budgetLines: DraftBudgetLine[]) => {
    const { documents: _documents, ...form } = project;
    return useBureau.getState().edit('bureau.draft.saveProject', { project: { ...form, budgetLines } });
  };

  const addLine = async () => {
    const amount = parseAmountFen(typed.amount, 'wan');
    const price = parseAmountFen(typed.unitPrice, 'wan');
    const quantity = Number(typed.quantity || '1');
    if (!amount.ok || amount.value === null) return setError(amount.ok ? t.bureau.budget.amountMissing : amount.message);
    if (!price.ok) return setError(price.message);
    if (!Number.isFinite(quantity) || quantity < 0) return setError(t.bureau.budget.quantityInvalid);
    const line = draftBudgetLineSchema.safeParse({
      id: nextLineId(project.budgetLines),
      name: typed.name,
      category: typed.category,
      quantity,
      unit: typed.unit,
      unitPriceFen: price.value ?? 0,
      amountFen: amount.value,
      note: '',
    });
    if (!line.success)
      return setError(`${t.bureau.budget.lineInvalid}${line.error.issues[0]!.message}
`);
    setError(null);
    if (await saveLines([...project.budgetLines, line.data])) setTyped(blank);
  };

  return (
    <fieldset className="bureau-group" data-testid="budget-editor">
      <legend>{t.bureau.budget.title}</legend>
      <table className="bureau-table bureau-budget" data-testid="budget-lines">
        <thead>
          <tr>
            <th className="num">{t.bureau.budget.position}</th>
            <th>{t.bureau.budget.name}</th>
            <th>{t.bureau.budget.category}</th>
            <th className="num">{t.bureau.budget.quantity}</th>
            <th>{t.bureau.budget.unit}</th>
            <th className="num">{t.bureau.budget.unitPrice}</th>
            <th className="num">{t.bureau.budget.amount}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {project.budgetLines.map((l, i) => (
            <tr key={l.id} data-testid="budget-line">
              <td className="num">{i + 1}</td>
              <td>{l.name}</td>
              <td>{l.category}</td>
              <td className="num">{formatQuantity(l.quantity)}</td>
              <td>{l.unit}</td>
              <td className="num">{fenToWan(l.unitPriceFen)}</td>
              <td className="num">{fenToWan(l.amountFen)}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void saveLines(project.budgetLines.filter((x) => x.id !== l.id))}
                  aria-label={t.bureau.budget.remove(l.name)}
                >
                  <Icon name="close" />
                </button>
              </td>
            </tr>
          ))}
          <tr className="bureau-add-row">
            <td />
            {(['name', 'category', 'quantity', 'unit', 'unitPrice', 'amount'] as const).map((k) => (
              <td key={k}>
                <input
                  value={typed[k]}
                  onChange={(e) => setTyped((x) => ({ ...x, [k]: e.target.value }))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void addLine();
                    }
                  }}
                  aria-label={t.bureau.budget.newLine(t.bureau.budget[k])}
                  inputMode={k === 'name' || k === 'category' || k === 'unit' ? undefined : 'decimal'}
                  data-testid={`budget-new-${k}`}
                />
              </td>
            ))}
            <td>
              <button type="button" className="btn btn-small" onClick={() => void addLine()} data-testid="budget-add">
                <Icon name="plus" />
                {t.bureau.budget.add}
              </button>
            </td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6}>{t.bureau.budget.total}</td>
            <td className="num" data-testid="budget-total">
              {fenToWan(total)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      {error && (
        <p className="bureau-error" role="alert">
          {error}
        </p>
      )}
      {total !== project.investmentFen && project.budgetLines.length > 0 && (
        <p className="bureau-warning" role="status">
          {t.bureau.budget.totalDiffers(fenToWan(total), fenToWan(project.investmentFen))}
        </p>
      )}
      {importing ? (
        <BudgetImport project={project} onClose={() => setImporting(false)} />
      ) : (
        <button type="button" className="btn" onClick={() => setImporting(true)} data-testid="budget-import-open">
          <Icon name="upload" />
          {t.bureau.budget.importXlsx}
        </button>
      )}
    </fieldset>
  );
}
