// Owns the panel on the bureau's side (专家组): the members read from the results in force, the session's aggregation under the profile's rule with the chair's line overrides, each project's conclusion (多数意见, 组长裁决平票, 组长改定; the conclusion rule) and dissents (保留意见).
//
// Only a project an expert completed or declared 回避 for counts; an expert without a result, or whose result holds
// the project unfinished, is listed as missing for it.
import type { PanelConclusion, PanelDissent, PanelView } from '../../../shared/bureau';
import type { SessionDetail } from '../../../shared/domain';
import { conclusions, type Conclusion, type Rubric } from '../../../shared/profile';
import type { ResultFile } from '../../../shared/resultFile';
import type { RubricInForce } from '../../../shared/scoring';
import { reviewContext, reviewView, rubricForSession } from '../scoring/view';
import { currentResults, listConclusionOverrides, listDissents, listLineOverrides } from '../store/bureauResults';
import type { ReadDb } from '../store/access';
import { aggregateSession, type ProjectAggregate } from './aggregate';
import { projectPanelInput, reviewFromResult, rosterExpertId, storedResultFile, type PanelMember } from './members';
import { profileRule } from './rule';
import { sessionOrThrow, sessionProfile } from '../context/session';

interface ProjectPanel {
  members: PanelMember[];
  /** Each member's conclusion as signed: chosen, else the suggestion the expert saw. */
  conclusions: (Conclusion | null)[];
  missing: string[];
}

/** The results in force, by roster position. */
function resultsInForce(db: ReadDb, session: SessionDetail): Map<number, ResultFile> {
  return new Map(currentResults(db, session.id).map((r) => [r.expertPosition, storedResultFile(db, r)]));
}

function projectPanel(
  db: ReadDb,
  session: SessionDetail,
  projectId: string,
  results: Map<number, ResultFile>,
  rubric: RubricInForce,
): ProjectPanel {
  const base = reviewContext(db, session, projectId, rubric);
  const panel: ProjectPanel = { members: [], conclusions: [], missing: [] };
  session.experts.forEach((expert, position) => {
    const file = results.get(position);
    const p = file?.projects.find((x) => x.projectId === projectId);
    if (!file || !p || (p.state !== 'complete' && p.state !== 'recused')) {
      panel.missing.push(expert.name);
      return;
    }
    const expertId = rosterExpertId(position);
    const review = reviewFromResult(p, expertId);
    const view = reviewView({ ...base, rubric, stored: { review, version: 1, savedAt: file.signedAt, completedAt: p.completedAt } });
    panel.members.push({
      expertId,
      name: expert.name,
      title: expert.title || file.expert.title,
      employer: expert.employer || file.expert.employer,
      isChair: expert.isChair,
      view,
    });
    panel.conclusions.push(p.conclusion.chosen ?? p.conclusion.suggested);
  });
  return panel;
}

/**
 * The panel's conclusion: the override when the chair set one; else the conclusion most members reached; on a tie
 * the chair's own conclusion decides when it is one of the tied; otherwise none until the chair decides.
 */
export function decideConclusion(
  aggregate: ProjectAggregate,
  chairConclusion: Conclusion | null,
  override: { conclusion: Conclusion; reason: string } | null,
  rubric: Rubric,
): PanelConclusion {
  const votes = aggregate.conclusions;
  const label = (c: Conclusion | null) => (c ? (rubric.bands.find((b) => b.conclusion === c)?.label ?? c) : null);
  if (override)
    return { conclusion: override.conclusion, label: label(override.conclusion), source: 'chair-override', votes, reason: override.reason };
  const most = Math.max(...conclusions.map((c) => votes[c]));
  const leaders = most > 0 ? conclusions.filter((c) => votes[c] === most) : [];
  if (leaders.length === 1) return { conclusion: leaders[0]!, label: label(leaders[0]!), source: 'majority', votes, reason: null };
  if (chairConclusion && leaders.includes(chairConclusion)) {
    return {
      conclusion: chairConclusion,
      label: label(chairConclusion),
      source: 'chair-tie',
      votes,
      reason: `${leaders.map((c) => label(c)).join('与')}票数相同，按评审组长的意见确定`,
    };
  }
  const why = leaders.length
    ? `${leaders.map((c) => label(c)).join('与')}票数相同，评审组长未参与该项目评审，须由组长裁定`
    : '尚无专家给出结论';
  return { conclusion: null, label: null, source: 'undecided', votes, reason: why };
}

export interface SessionPanel {
  session: SessionDetail;
  rubric: RubricInForce;
  view: PanelView;
  panels: Map<string, ProjectPanel>;
}

/** The whole session's panel: aggregation under the profile's rule with the chair's overrides, conclusions and dissents. */
export function sessionPanel(db: ReadDb, sessionId: string): SessionPanel {
  const session = sessionOrThrow(db, sessionId);
  const rubric = rubricForSession(db, session);
  const rule = profileRule(sessionProfile(db, session));
  const results = resultsInForce(db, session);
  const lineOverrides = listLineOverrides(db, sessionId);
  const conclusionOverrides = listConclusionOverrides(db, sessionId);
  const dissents = listDissents(db, sessionId);
  const panels = new Map(session.projects.map((p) => [p.id, projectPanel(db, session, p.id, results, rubric)]));
  const inputs = session.projects.map((p) => {
    const panel = panels.get(p.id)!;
    const overrides = Object.fromEntries(
      lineOverrides.filter((o) => o.projectId === p.id).map((o) => [o.lineId, { approvedFen: o.approvedFen, reason: o.reason }]),
    );
    return projectPanelInput(p, rubric.rubric, panel.members, panel.conclusions, overrides);
  });
  const aggregate = aggregateSession(inputs, rule);
  const projects = aggregate.projects.map((a) => {
    const panel = panels.get(a.projectId)!;
    const chairIndex = panel.members.findIndex((m) => m.isChair && !m.view.review.conflict?.hasConflict);
    const override = conclusionOverrides.find((c) => c.projectId === a.projectId) ?? null;
    const projectDissents: PanelDissent[] = dissents
      .filter((d) => d.projectId === a.projectId)
      .map((d) => ({
        position: d.expertPosition,
        expert: session.experts[d.expertPosition]?.name ?? `专家${d.expertPosition + 1}`,
        reason: d.reason,
        recordedAt: d.recordedAt,
      }));
    return {
      projectId: a.projectId,
      conclusion: decideConclusion(a, chairIndex >= 0 ? panel.conclusions[chairIndex]! : null, override, rubric.rubric),
      dissents: projectDissents,
      members: panel.members.map((m) => m.name),
      missing: panel.missing,
    };
  });
  return { session, rubric, panels, view: { sessionId, aggregate, projects } };
}
