// Owns the 试运行 pane: pick a bureau draft or an imported session, run the profile as edited (saved or not) over it, and read each project's findings as the expert's 形式审查 shows them — 不符合 and 需专家判断 first, 符合 folded.
import { useState } from 'react';
import type { TrialTarget } from '../../../../shared/bureauProfiles';
import { findingStatuses, type FindingStatus } from '../../../../shared/precheck';
import { FindingBody } from '../../../kernel/FindingBody';
import { useRemote } from '../../../lib/useRemote';
import { t } from '../../../locale/zh-CN';
import { SectionFrame } from './RuleTable';
import { useProfiles } from './store';

const order: FindingStatus[] = ['fail', 'judge', 'reference', 'pass'];

export function TrialSection() {
  const drafts = useRemote('bureau.draft.list', {});
  const sessions = useRemote('session.list', {});
  const trial = useProfiles((s) => s.trial);
  const busy = useProfiles((s) => s.busy);
  const [picked, setPicked] = useState('');
  const options: { key: string; label: string; target: TrialTarget }[] = [
    ...(drafts.state === 'ready'
      ? drafts.value.map((d) => ({
          key: `draft:${d.id}`,
          label: t.profiles.trial.draftOption(d.title, d.projectCount),
          target: { kind: 'draft', draftId: d.id } as TrialTarget,
        }))
      : []),
    ...(sessions.state === 'ready'
      ? sessions.value.map((s) => ({
          key: `session:${s.id}`,
          label: t.profiles.trial.sessionOption(s.title, s.projectCount),
          target: { kind: 'session', sessionId: s.id } as TrialTarget,
        }))
      : []),
  ];
  const chosen = options.find((o) => o.key === picked) ?? options[0];
  return (
    <SectionFrame title={t.profiles.sections.trial} hint={t.profiles.hints.trial} testId="profile-trial">
      <div className="bureau-row">
        <select
          value={chosen?.key ?? ''}
          onChange={(e) => setPicked(e.target.value)}
          aria-label={t.profiles.trial.target}
          data-testid="trial-target"
        >
          {options.length === 0 && <option value="">{t.profiles.trial.noTargets}</option>}
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!chosen || busy}
          onClick={() => chosen && void useProfiles.getState().runTrial(chosen.target)}
          data-testid="trial-run"
        >
          {busy ? t.profiles.trial.running : t.profiles.trial.run}
        </button>
      </div>
      {trial && (
        <div className="profile-trial" data-testid="trial-result">
          <p className="muted">{t.profiles.trial.resultOf(trial.run.title)}</p>
          {trial.run.projects.length === 0 && <p className="muted">{t.profiles.trial.noProjects}</p>}
          {trial.run.projects.map((p) => {
            const counts = Object.fromEntries(findingStatuses.map((s) => [s, p.findings.filter((f) => f.status === s).length])) as Record<
              FindingStatus,
              number
            >;
            return (
              <section key={p.projectId} className="profile-trial-project" data-testid="trial-project">
                <h4 className="bureau-h3">
                  {p.name}
                  <span className="muted"> {t.profiles.trial.counts(counts.fail, counts.judge, counts.reference, counts.pass)}</span>
                </h4>
                {order.map((status) => {
                  const list = p.findings.filter((f) => f.status === status);
                  if (list.length === 0) return null;
                  const items = (
                    <ul className="finding-list">
                      {list.map((f) => (
                        <li
                          key={`${f.ruleId}-${f.crossProject}`}
                          className={`finding finding-${f.status}`}
                          data-testid="finding"
                          data-status={f.status}
                          data-rule-id={f.ruleId}
                        >
                          <FindingBody finding={f} />
                        </li>
                      ))}
                    </ul>
                  );
                  return status === 'pass' ? (
                    <details key={status} className="bureau-details">
                      <summary>{t.precheck.groupTitle(t.precheck.statuses[status], list.length)}</summary>
                      {items}
                    </details>
                  ) : (
                    <div key={status}>
                      <h5 className="profile-group-title">{t.precheck.groupTitle(t.precheck.statuses[status], list.length)}</h5>
                      {items}
                    </div>
                  );
                })}
              </section>
            );
          })}
        </div>
      )}
    </SectionFrame>
  );
}
