// Owns the 概算表 XLSX import: reading the file (bureau.budget.preview), the detected header rows and the column-mapping
// selects with the 元/万元 units, the rows taken and skipped, re-reading under a corrected mapping, then applying it.
import { useState } from 'react';
import {
  budgetFieldLabels,
  budgetFields,
  type BudgetField,
  type BudgetMapping,
  type BudgetPreview,
  type DraftProject,
} from '../../../shared/bureau';
import { reportError } from '../../kernel/notices';
import { userMessage } from '../../lib/errors';
import { fenToWan, formatQuantity } from '../../lib/format';
import { uploadSource } from '../../lib/upload';
import { t } from '../../locale/zh-CN';
import { FileButton } from '../../ui/FileButton';
import { useBureau } from './store';

export function BudgetImport({ project, onClose }: { project: DraftProject; onClose(): void }) {
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array<ArrayBuffer> } | null>(null);
  const [preview, setPreview] = useState<BudgetPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (source: { name: string; bytes: Uint8Array<ArrayBuffer> }, mapping: BudgetMapping | null) => {
    setBusy(true);
    try {
      setPreview(await useBureau.getState().previewBudget({ name: source.name, bytes: source.bytes, mapping }));
      setError(null);
    } catch (err) {
      setError(userMessage(err));
      if (!mapping) setPreview(null);
    } finally {
      setBusy(false);
    }
  };
  const remap = (change: (m: BudgetMapping) => BudgetMapping) => {
    if (file && preview) void read(file, change(preview.mapping));
  };
  const apply = async () => {
    if (!file || !preview) return;
    const saved = await useBureau
      .getState()
      .edit('bureau.budget.apply', { projectId: project.id, name: file.name, bytes: file.bytes, mapping: preview.mapping });
    if (saved) onClose();
  };

  return (
    <div className="bureau-import" data-testid="budget-import">
      <div className="bureau-row">
        <FileButton
          accept=".xlsx,.xls,.et"
          onFiles={async ([f]) => {
            const { name, bytes } = await uploadSource(f);
            const source = { name, bytes };
            setFile(source);
            void read(source, null).catch(reportError);
          }}
          testId="budget-file"
        >
          {t.bureau.budget.chooseXlsx}
        </FileButton>
        {file && <span className="muted">{file.name}</span>}
        <button type="button" className="btn" onClick={onClose}>
          {t.common.cancel}
        </button>
      </div>
      {busy && (
        <p className="muted" role="status">
          {t.bureau.budget.reading}
        </p>
      )}
      {error && (
        <p className="bureau-error" role="alert" data-testid="budget-error">
          {error}
        </p>
      )}
      {preview && (
        <>
          <div className="bureau-grid" data-testid="budget-mapping">
            <label className="bureau-field">
              {t.bureau.budget.sheet}
              <select
                value={preview.mapping.sheet}
                onChange={(e) => file && void read(file, { ...preview.mapping, sheet: e.target.value })}
              >
                {preview.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="bureau-field">
              {t.bureau.budget.headerRows}
              <input
                defaultValue={preview.mapping.headerRows.join(',')}
                key={preview.mapping.headerRows.join(',')}
                onBlur={(e) => {
                  const rows = e.target.value
                    .split(/[,，\s]+/)
                    .filter(Boolean)
                    .map(Number);
                  if (rows.length && rows.every((r) => Number.isInteger(r) && r > 0)) remap((m) => ({ ...m, headerRows: rows }));
                  else setError(t.bureau.budget.headerRowsInvalid);
                }}
                data-testid="budget-header-rows"
              />
            </label>
            {budgetFields.map((f: BudgetField) => (
              <label key={f} className="bureau-field">
                {budgetFieldLabels[f]}
                <select
                  value={preview.mapping.columns[f] ?? ''}
                  onChange={(e) =>
                    remap((m) => ({ ...m, columns: { ...m.columns, [f]: e.target.value === '' ? null : Number(e.target.value) } }))
                  }
                  data-testid={`budget-map-${f}`}
                >
                  {f !== 'name' && <option value="">{t.bureau.budget.unmapped}</option>}
                  {preview.columns.map((c) => (
                    <option key={c.index} value={c.index}>{`${c.letter}：${c.header || t.bureau.budget.noHeader}`}</option>
                  ))}
                </select>
              </label>
            ))}
            {(['unitPrice', 'amount'] as const).map((k) => (
              <label key={k} className="bureau-field">
                {t.bureau.budget.unitOf(budgetFieldLabels[k])}
                <select
                  value={preview.mapping.units[k]}
                  onChange={(e) => remap((m) => ({ ...m, units: { ...m.units, [k]: e.target.value as 'yuan' | 'wan' } }))}
                  data-testid={`budget-unit-${k}`}
                >
                  <option value="yuan">{t.bureau.budget.yuan}</option>
                  <option value="wan">{t.bureau.budget.wan}</option>
                </select>
              </label>
            ))}
          </div>
          {preview.warnings.map((w) => (
            <p key={w} className="bureau-warning">
              {w}
            </p>
          ))}
          <table className="bureau-table" data-testid="budget-preview">
            <caption>{t.bureau.budget.previewCaption(preview.lines.length, fenToWan(preview.totalFen))}</caption>
            <thead>
              <tr>
                <th>{t.bureau.budget.name}</th>
                <th>{t.bureau.budget.category}</th>
                <th className="num">{t.bureau.budget.quantity}</th>
                <th>{t.bureau.budget.unit}</th>
                <th className="num">{t.bureau.budget.unitPrice}</th>
                <th className="num">{t.bureau.budget.amount}</th>
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((l) => (
                <tr key={l.id} data-testid="budget-preview-row">
                  <td>{l.name}</td>
                  <td>{l.category}</td>
                  <td className="num">{formatQuantity(l.quantity)}</td>
                  <td>{l.unit}</td>
                  <td className="num">{fenToWan(l.unitPriceFen)}</td>
                  <td className="num">{fenToWan(l.amountFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.skipped.length > 0 && (
            <details className="bureau-details">
              <summary>{t.bureau.budget.skipped(preview.skipped.length)}</summary>
              <ul>
                {preview.skipped.map((s) => (
                  <li key={s.row}>{t.bureau.budget.skippedRow(s.row, s.reason)}</li>
                ))}
              </ul>
            </details>
          )}
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || preview.lines.length === 0}
            onClick={() => void apply()}
            data-testid="budget-apply"
          >
            {t.bureau.budget.apply(preview.lines.length)}
          </button>
        </>
      )}
    </div>
  );
}
