// Owns 投资审核 in the form: per budget line the pre-check verdict, the approved amount (核定金额, typed in 万元, kept in fen) and the reason, with 核减额 and 核减率 per line and for the project updating live.
import { fenToWanExact } from '../../../shared/money';
import { investmentReductions } from '../../../shared/reviewTotals';
import { parseAmountFen, validateApprovedFen } from '../../../shared/scoreInput';
import { formatBasisPoints, type BudgetLineAmount, type LineReduction, type Reduction, type Review } from '../../../shared/scoring';
import { fenToWan } from '../../lib/format';
import { isMod } from '../../lib/keys';
import { t } from '../../locale/zh-CN';
import { OpinionField } from './phrases/OpinionField';
import { VerdictChip, type BudgetVerdict } from '../../kernel/VerdictChip';
import { setLine } from './edits';
import { useScoring } from './store';
import { useTypedValue } from './useTypedValue';

interface Props {
  lines: BudgetLineAmount[];
  /** The pre-check's verdicts on the lines; absent until its report has arrived. */
  verdicts: BudgetVerdict[] | undefined;
  investment: Review['investment'];
  disabled: boolean;
}

const rate = (r: Reduction) => (r.reductionRateBp === null ? '—' : formatBasisPoints(r.reductionRateBp));

export function InvestmentSection({ lines, verdicts, investment, disabled }: Props) {
  const { lines: reductions, project } = investmentReductions(lines, investment);
  const c = t.scoring.investmentColumns;
  return (
    <section className="panel-section">
      <h3 className="panel-heading">
        {t.scoring.investmentTitle}
        <span className="panel-heading-note">{t.scoring.investmentNote}</span>
      </h3>
      <ul className="investment-list">
        {lines.map((line, i) => (
          <LineRow
            key={line.id}
            line={line}
            verdict={verdicts?.find((v) => v.id === line.id)}
            reduction={reductions[i]!}
            reason={investment[line.id]?.reason ?? ''}
            disabled={disabled}
          />
        ))}
      </ul>
      <dl className="investment-total" data-testid="investment-total">
        <dt>{t.scoring.projectReduction}</dt>
        <dd>
          {c.requested} {fenToWan(project.requestedFen)} · {c.approved} {fenToWan(project.approvedFen)} · {c.reduction}{' '}
          <strong data-fen={project.reductionFen}>{fenToWan(project.reductionFen)}</strong> · {c.rate} <strong>{rate(project)}</strong>
        </dd>
      </dl>
    </section>
  );
}

interface LineProps {
  line: BudgetLineAmount;
  verdict: BudgetVerdict | undefined;
  reduction: LineReduction;
  reason: string;
  disabled: boolean;
}

function LineRow({ line, verdict, reduction, reason, disabled }: LineProps) {
  const edit = useScoring((s) => s.edit);
  const parse = (text: string) => {
    const parsed = parseAmountFen(text, 'wan');
    const problem = parsed.ok && parsed.value !== null ? validateApprovedFen(parsed.value, line) : null;
    return problem ? ({ ok: false, message: problem } as const) : parsed;
  };
  const approved = useTypedValue(
    reduction.reviewed ? reduction.approvedFen : null,
    parse,
    fenToWanExact,
    (fen) => edit(setLine(line.id, { approvedFen: fen }), `approved.${line.id}`),
    { key: `approved.${line.id}`, where: `${t.scoring.investmentTitle} · ${line.name}` },
  );
  const c = t.scoring.investmentColumns;
  return (
    <li className="investment-line" data-testid="investment-line" data-line={line.id}>
      <div className="investment-line-head">
        <span className="investment-name">{line.name}</span>
        {verdict && <VerdictChip verdict={verdict} />}
        <span className="investment-requested">
          {c.requested} {fenToWan(line.amountFen)}
        </span>
      </div>
      {verdict && verdict.verdict !== 'eligible' && <p className="investment-verdict-reason muted">{verdict.reason}</p>}
      <div className="investment-line-body">
        <label className="investment-approved">
          <span>{c.approved}</span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={approved.text}
            placeholder={fenToWanExact(line.amountFen)}
            disabled={disabled}
            aria-invalid={approved.error !== null}
            onChange={(e) => approved.onText(e.target.value)}
            onBlur={approved.commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || (isMod(e.nativeEvent) && e.key.toLowerCase() === 'z')) approved.commit();
            }}
            data-field={`approved.${line.id}`}
            data-testid="approved-amount"
            data-line={line.id}
          />
        </label>
        <span className="investment-figure">
          {c.reduction} <strong data-fen={reduction.reductionFen}>{fenToWan(reduction.reductionFen)}</strong>
        </span>
        <span className="investment-figure">
          {c.rate} <strong>{rate(reduction)}</strong>
        </span>
      </div>
      {approved.error && (
        <p className="score-error" role="alert">
          {approved.error}
        </p>
      )}
      {(reduction.reductionFen > 0 || reason !== '') && (
        <OpinionField
          group="investment"
          label={t.scoring.reductionReason(line.name)}
          value={reason}
          disabled={disabled}
          onChange={(text) => edit(setLine(line.id, { reason: text }), `reason.${line.id}`)}
          data={{ 'data-testid': 'reduction-reason', 'data-line': line.id }}
        />
      )}
    </li>
  );
}
