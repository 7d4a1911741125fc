// Owns the panel on the bureau's side (专家组): the members read from the results in force, the session's aggregation under the profile's rule with the chair's line overrides, each project's conclusion (多数意见, 组长裁决平票, 组长改定) and dissents (保留意见), and the panel context the documents are filled from.
//
// Only a project an expert completed or declared 回避 for counts; an expert without a result, or whose result holds
// the project unfinished, is listed as missing for it.
import type { PanelConclusion, PanelDissent, PanelView } from '../../../shared/bureau';
import type { SessionDetail } from '../../../shared/domain';
import { conclusions, type Conclusion, type Rubric } from '../../../shared/profile';
import type { ResultFile } from '../../../shared/resultFile';
import type { RubricInForce } from '../../../shared/scoring';
import { buildPanelContext, type PanelMember } from '../output/context';
import type { ScoreSheetInput } from '../output/sheets/model';
import type { TemplateContext } from '../output/template/contextShape';
import { loadProfile } from '../precheck/profiles';
import { reviewContext, reviewView, rubricForSession, sessionOrThrow } from '../scoring/view';
import { currentResults, listConclusionOverrides, listDissents, listLineOverrides, listPanelTexts } from '../store/bureauResults';
import type { Db } from '../store/db';
import { aggregateSession, expertScoresFromReview, type ProjectAggregate, type ProjectPanelInput } from './aggregate';
import { reviewFromResult, storedResultFile } from './results';
import { profileRule } from './rule';

/** The expert id a roster position stands for in aggregation (ordered like the roster). */
export const rosterExpertId = (position: number) => `expert-${String(position + 1).padStart(3, '0')}`;

interface ProjectPanel {
  members: PanelMember[];
  /** Each member's conclusion as signed: chosen, else the suggestion the expert saw. */
  conclusions: (Conclusion | null)[];
  missing: string[];
}

/** The results in force, by roster position. */
function resultsInForce(db: Db, session: SessionDetail): Map<number, ResultFile> {
  return new Map(currentResults(db, session.id).map((r) => [r.expertPosition, storedResultFile(db, r)]));
}

function projectPanel(db: Db, session: SessionDetail, projectId: string, results: Map<number, ResultFile>, rubric: RubricInForce): ProjectPanel {
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
    panel.members.push({ expertId, name: expert.name, title: expert.title || file.expert.title, employer: expert.employer || file.expert.employer, isChair: expert.isChair, view });
    panel.conclusions.push(p.conclusion.chosen ?? p.conclusion.suggested);
  });
  return panel;
}

function panelInput(session: SessionDetail, projectId: string, panel: ProjectPanel, rubric: Rubric, overrides: ProjectPanelInput['overrides']): ProjectPanelInput {
  const project = session.projects.find((p) => p.id === projectId)!;
  return {
    projectId,
    name: project.name,
    dimensions: rubric.dimensions.map(({ id, name, maxPoints }) => ({ id, name, maxPoints })),
    totalPoints: rubric.totalPoints,
    lines: project.budgetLines.map(({ id, name, amountFen }) => ({ id, name, amountFen })),
    experts: panel.members.map((m, i) => expertScoresFromReview(m.view.review, rubric, m.name, panel.conclusions[i])),
    overrides,
  };
}

/**
 * The panel's conclusion: the override when the chair set one; else the conclusion most members reached; on a tie
 * the chair's own conclusion decides when it is one of the tied; otherwise none until the chair decides.
 */
export function decideConclusion(aggregate: ProjectAggregate, chairConclusion: Conclusion | null, override: { conclusion: Conclusion; reason: string } | null, rubric: Rubric): PanelConclusion {
  const votes = aggregate.conclusions;
  const label = (c: Conclusion | null) => (c ? rubric.bands.find((b) => b.conclusion === c)?.label ?? c : null);
  if (override) return { conclusion: override.conclusion, label: label(override.conclusion), source: 'chair-override', votes, reason: override.reason };
  const most = Math.max(...conclusions.map((c) => votes[c]));
  const leaders = most > 0 ? conclusions.filter((c) => votes[c] === most) : [];
  if (leaders.length === 1) return { conclusion: leaders[0], label: label(leaders[0]), source: 'majority', votes, reason: null };
  if (chairConclusion && leaders.includes(chairConclusion)) {
    return { conclusion: chairConclusion, label: label(chairConclusion), source: 'chair-tie', votes, reason: `${leaders.map((c) => label(c)).join('与')}票数相同，按评审组长的意见确定` };
  }
  const why = leaders.length ? `${leaders.map((c) => label(c)).join('与')}票数相同，评审组长未参与该项目评审，须由组长裁定` : '尚无专家给出结论';
  return { conclusion: null, label: null, source: 'undecided', votes, reason: why };
}

export interface SessionPanel {
  session: SessionDetail;
  rubric: RubricInForce;
  view: PanelView;
  panels: Map<string, ProjectPanel>;
}

/** The whole session's panel: aggregation under the profile's rule with the chair's overrides, conclusions and dissents. */
export function sessionPanel(db: Db, sessionId: string): SessionPanel {
  const session = sessionOrThrow(db, sessionId);
  const rubric = rubricForSession(db, session);
  const rule = profileRule(loadProfile(session.jurisdiction));
  const results = resultsInForce(db, session);
  const lineOverrides = listLineOverrides(db, sessionId);
  const conclusionOverrides = listConclusionOverrides(db, sessionId);
  const dissents = listDissents(db, sessionId);
  const panels = new Map(session.projects.map((p) => [p.id, projectPanel(db, session, p.id, results, rubric)]));
  const inputs = session.projects.map((p) =>
    panelInput(
      session,
      p.id,
      panels.get(p.id)!,
      rubric.rubric,
      Object.fromEntries(lineOverrides.filter((o) => o.projectId === p.id).map((o) => [o.lineId, { approvedFen: o.approvedFen, reason: o.reason }])),
    ),
  );
  const aggregate = aggregateSession(inputs, rule);
  const projects = aggregate.projects.map((a) => {
    const panel = panels.get(a.projectId)!;
    const chairIndex = panel.members.findIndex((m) => m.isChair && !m.view.review.conflict?.hasConflict);
    const override = conclusionOverrides.find((c) => c.projectId === a.projectId) ?? null;
    const projectDissents: PanelDissent[] = dissents
      .filter((d) => d.projectId === a.projectId)
      .map((d) => ({ position: d.expertPosition, expert: session.experts[d.expertPosition]?.name ?? `专家${d.expertPosition + 1}`, reason: d.reason, recordedAt: d.recordedAt }));
    return {
      projectId: a.projectId,
      conclusion: decideConclusion(a, chairIndex >= 0 ? panel.conclusions[chairIndex] : null, override, rubric.rubric),
      dissents: projectDissents,
      members: panel.members.map((m) => m.name),
      missing: panel.missing,
    };
  });
  return { session, rubric, panels, view: { sessionId, aggregate, projects } };
}

/** The session's 评分汇总表 from the panel (every member's result), under the profile's rule. */
export function bureauScoreSheetInput(db: Db, sessionId: string, now: Date, author: string, computed: SessionPanel = sessionPanel(db, sessionId)): ScoreSheetInput {
  const { session, rubric, view } = computed;
  return {
    sessionTitle: session.title,
    session: view.aggregate,
    conclusionLabels: Object.fromEntries(rubric.rubric.bands.map((b) => [b.conclusion, b.label])) as Record<Conclusion, string>,
    createdAt: now.toISOString(),
    author,
  };
}

/** The panel context of one project for the panel opinion, the letter and the score sheet: members from the results, the decided conclusion, the dissents and the panel's own opinion text. */
export function bureauPanelContext(db: Db, sessionId: string, projectId: string, now: Date, computed: SessionPanel = sessionPanel(db, sessionId)): TemplateContext {
  const panel = computed.panels.get(projectId);
  const decided = computed.view.projects.find((p) => p.projectId === projectId);
  const aggregate = computed.view.aggregate.projects.find((p) => p.projectId === projectId);
  if (!panel || !decided || !aggregate) throw new Error(`no project ${projectId} in the panel`);
  return buildPanelContext(db, sessionId, projectId, now, {
    members: panel.members,
    aggregate,
    decision: { label: decided.conclusion.label, reason: decided.conclusion.reason },
    dissents: decided.dissents.map((d) => ({ expert: d.expert, reason: d.reason })),
    panelTexts: Object.fromEntries(listPanelTexts(db, sessionId, projectId).map((r) => [r.section, r.text])),
  });
}
