// Owns the 形式审查 tab: the counts strip (不符合 / 需专家判断 / 参考做法 / 符合), the findings grouped by status (符合 folded), the
// required chapters, and the budget totals (不纳入 / 经评估可纳入 of the whole).
import { useState } from 'react';
import type { ProjectInfo } from '../../../shared/domain';
import type { FindingStatus, PrecheckReport } from '../../../shared/precheck';
import { userMessage } from '../../lib/errors';
import { fenToWanLabel } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { useSession } from '../../kernel/sessionStore';
import { ChapterList } from './ChapterList';
import { FindingCard } from './FindingCard';
import { usePrecheck } from './store';

/** 参考做法 (本区办法未作规定) after the findings the expert must act on: informative only, never a 不符合. */
const ORDER: FindingStatus[] = ['fail', 'judge', 'reference', 'pass'];

interface Props {
  sessionId: string;
  projects: ProjectInfo[];
  project: ProjectInfo;
}

export function PrecheckTab({ sessionId, projects, project }: Props) {
  const status = usePrecheck((s) => s.status);
  const error = usePrecheck((s) => s.error);
  const report = usePrecheck((s) => (s.report?.projectId === project.id ? s.report : null));
  const [folded, setFolded] = useState<Record<FindingStatus, boolean>>({ fail: false, judge: false, reference: false, pass: true });

  if (!report) {
    if (status === 'error') {
      return (
        <div className="panel-message" role="alert">
          <p className="text-error">{t.precheck.failed}</p>
          <p className="muted">{userMessage(error)}</p>
          <button type="button" className="btn" onClick={() => void usePrecheck.getState().load(sessionId, project.id)}>
            {t.precheck.retry}
          </button>
        </div>
      );
    }
    return (
      <div className="panel-message" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        <p>{t.precheck.loading}</p>
      </div>
    );
  }

  const groups = ORDER.map((s) => ({ status: s, findings: report.findings.filter((f) => f.status === s) }));
  const show = (s: FindingStatus) => {
    setFolded((f) => ({ ...f, [s]: false }));
    requestAnimationFrame(() => document.getElementById(`findings-${s}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };

  return (
    <>
      <section className="panel-section">
        <div className="precheck-summary" data-testid="precheck-summary" aria-label={t.precheck.summaryLabel}>
          {groups.map((g) => (
            <button
              key={g.status}
              type="button"
              className={`summary-cell summary-${g.status}`}
              onClick={() => show(g.status)}
              data-status={g.status}
              data-count={g.findings.length}
            >
              <span className="summary-count">{g.findings.length}</span>
              <span className="summary-label">{t.precheck.statuses[g.status]}</span>
            </button>
          ))}
        </div>
        {!report.textReady && (
          <p className="precheck-note" data-testid="precheck-text-pending">
            <Icon name="warning" size={16} />
            {t.precheck.textPending}
          </p>
        )}
      </section>
      {groups.map((g) => (
        <section key={g.status} id={`findings-${g.status}`} className="panel-section finding-group">
          <h3 className="panel-heading">
            <button
              type="button"
              className="group-toggle"
              onClick={() => setFolded((f) => ({ ...f, [g.status]: !f[g.status] }))}
              aria-expanded={!folded[g.status]}
              data-testid={`finding-group-${g.status}`}
            >
              <Icon name={folded[g.status] ? 'right' : 'down'} size={14} />
              {t.precheck.groupTitle(t.precheck.statuses[g.status], g.findings.length)}
            </button>
          </h3>
          {!folded[g.status] &&
            (g.findings.length === 0 ? (
              <p className="muted">{t.precheck.none}</p>
            ) : (
              <ul className="finding-list">
                {g.findings.map((f) => (
                  <FindingCard key={f.ruleId} finding={f} projects={projects} />
                ))}
              </ul>
            ))}
        </section>
      ))}
      <section className="panel-section">
        <h3 className="panel-heading">
          {t.precheck.chaptersTitle}
          <span className="panel-heading-note">
            {t.precheck.chaptersFound(report.chapters.filter((c) => c.found).length, report.chapters.length)}
          </span>
        </h3>
        <ChapterList chapters={report.chapters} projects={projects} />
      </section>
      <section className="panel-section">
        <h3 className="panel-heading">{t.precheck.budgetTitle}</h3>
        <BudgetTotals totals={report.totals} />
      </section>
    </>
  );
}

function BudgetTotals({ totals }: { totals: PrecheckReport['totals'] }) {
  const setPanelTab = useSession((s) => s.setPanelTab);
  const k = t.precheck.totals;
  return (
    <>
      <dl className="precheck-totals" data-testid="precheck-totals">
        <div className="total-row total-ineligible">
          <dt>{k.ineligible}</dt>
          <dd data-fen={totals.ineligibleFen}>{fenToWanLabel(totals.ineligibleFen)}</dd>
        </div>
        <div className="total-row total-needs-evaluation">
          <dt>{k.needsEvaluation}</dt>
          <dd data-fen={totals.needsEvaluationFen}>{fenToWanLabel(totals.needsEvaluationFen)}</dd>
        </div>
        <div className="total-row total-all">
          <dt>{k.total}</dt>
          <dd data-fen={totals.totalFen}>{fenToWanLabel(totals.totalFen)}</dd>
        </div>
      </dl>
      <button type="button" className="link-btn totals-link" onClick={() => setPanelTab('info')}>
        {t.precheck.showBudget}
      </button>
    </>
  );
}
