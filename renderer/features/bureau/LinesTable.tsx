// Owns the panel's approved amounts (专家组核定金额) of one project: per budget line the requested amount, each expert's figure, the panel figure and how it was reached, the chair's override with its reason, and the 核减 totals.
import { useState } from 'react';
import type { LineAggregate, ProjectAggregate } from '../../../shared/panelAggregate';
import { fenToWanExact } from '../../../shared/money';
import { parseAmountFen } from '../../../shared/scoreInput';
import { formatBasisPoints } from '../../../shared/scoring';
import { fenToWan } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { useFrozen, usePanel } from './panelStore';

export function LinesTable({ project }: { project: ProjectAggregate }) {
  const [editing, setEditing] = useState<string | null>(null);
  const frozen = useFrozen(project.projectId);
  const r = project.reduction;
  return (
    <section className="bureau-card" aria-labelledby="lines-h" data-testid="panel-lines">
      <h2 id="lines-h" className="bureau-h2">
        {t.bureau.lines.title}
      </h2>
      <div className="bureau-scroll">
        <table className="bureau-table">
          <thead>
            <tr>
              <th>{t.bureau.lines.name}</th>
              <th className="num">{t.bureau.lines.requested}</th>
              <th>{t.bureau.lines.experts}</th>
              <th className="num">{t.bureau.lines.approved}</th>
              <th className="num">{t.bureau.lines.reduction}</th>
              <th>{t.bureau.lines.source}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {project.lines.map((l) => (
              <tr key={l.lineId} data-testid="panel-line" data-line={l.lineId}>
                <td>{l.name}</td>
                <td className="num">{fenToWan(l.requestedFen)}</td>
                <td className="muted">
                  {l.expertApprovedFen.map((e) => `${e.name} ${fenToWan(e.approvedFen)}`).join('；') || t.common.none}
                </td>
                <td className="num" data-testid="line-approved">
                  {fenToWan(l.approvedFen)}
                </td>
                <td className="num">
                  {fenToWan(l.reductionFen)}
                  {l.reductionRateBp !== null && <small className="muted">（{formatBasisPoints(l.reductionRateBp)}）</small>}
                </td>
                <td>
                  {t.bureau.lines.sources[l.source]}
                  {l.chairReason && <small className="muted">：{l.chairReason}</small>}
                </td>
                <td>
                  {frozen ? null : editing === l.lineId ? (
                    <LineOverride projectId={project.projectId} line={l} onDone={() => setEditing(null)} />
                  ) : (
                    <button type="button" className="btn btn-small" onClick={() => setEditing(l.lineId)} data-testid="line-override-open">
                      {t.bureau.lines.override}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="project-reduction">
              <td>{t.bureau.lines.projectTotal}</td>
              <td className="num">{fenToWan(r.requestedFen)}</td>
              <td />
              <td className="num">{fenToWan(r.approvedFen)}</td>
              <td className="num">
                {fenToWan(r.reductionFen)}
                {r.reductionRateBp !== null && <small className="muted">（{formatBasisPoints(r.reductionRateBp)}）</small>}
              </td>
              <td colSpan={2} className="muted">
                {t.bureau.lines.unit}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function LineOverride({ projectId, line, onDone }: { projectId: string; line: LineAggregate; onDone(): void }) {
  const [amount, setAmount] = useState(fenToWanExact(line.approvedFen));
  const [reason, setReason] = useState(line.chairReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const parsed = parseAmountFen(amount, 'wan');
    if (!parsed.ok || parsed.value === null) return setError(parsed.ok ? t.bureau.lines.amountMissing : parsed.message);
    if (!reason.trim()) return setError(t.bureau.chairReasonMissing);
    if (await usePanel.getState().setLine(projectId, line.lineId, parsed.value, reason.trim())) onDone();
  };
  const clear = async () => {
    if (await usePanel.getState().setLine(projectId, line.lineId, null, null)) onDone();
  };
  return (
    <form
      className="bureau-override"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="line-override"
    >
      <input
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        aria-label={t.bureau.lines.overrideAmount(line.name)}
        inputMode="decimal"
        autoFocus
        data-testid="line-override-amount"
      />
      <input
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-label={t.bureau.chairReason}
        placeholder={t.bureau.chairReason}
        data-testid="line-override-reason"
      />
      {error && (
        <span className="bureau-error" role="alert">
          {error}
        </span>
      )}
      <button type="submit" className="btn btn-small btn-primary" data-testid="line-override-save">
        {t.bureau.save}
      </button>
      {line.source === 'chair' && (
        <button type="button" className="btn btn-small" onClick={() => void clear()}>
          {t.bureau.lines.clearOverride}
        </button>
      )}
      <button type="button" className="btn btn-small" onClick={onDone}>
        {t.common.cancel}
      </button>
    </form>
  );
}
