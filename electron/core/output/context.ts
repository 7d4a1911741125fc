// Owns the data context of templates (模板数据): one expert's review of a project, or the panel's, read from the store and formatted for documents.
//
// Nothing is computed here that another module owns: totals, vetoes, suggestions and 核减 come from scoring/view.ts
// (ReviewView), the pre-check from precheck/report.ts, the panel's means and approved amounts from bureau/aggregate.ts.
// This module only picks and formats. User text is trimmed and its punctuation made full-width; empty text is null
// (missing), so a template must mark it optional or guard it.
import { commitmentText } from '../../../shared/expert';
import { projectTypeNames } from '../../../shared/manifest';
import type { SessionDetail } from '../../../shared/domain';
import type { Profile, Rubric } from '../../../shared/profile';
import { familiarityLabels, formatBasisPoints, reviewStateLabels, type LineReduction, type Reduction, type ReviewView } from '../../../shared/scoring';
import { suggestConclusion } from '../../../shared/reviewTotals';
import { aggregateProject, expertScoresFromReview, type ProjectAggregate } from '../bureau/aggregate';
import { profileRule } from '../bureau/rule';
import { projectReport } from '../precheck/report';
import { loadProfile } from '../precheck/profiles';
import { findingStatusLabels } from '../../../shared/precheck';
import { reviewContext, reviewView, sessionOrThrow } from '../scoring/view';
import type { Db } from '../store/db';
import { loadCommitment, loadExpertProfile } from '../store/expert';
import { localExpertId } from '../store/reviews';
import type { InvestmentValue, SignatureEntryValue, TemplateContext } from './template/contextShape';
import { formatDate, formatScore, formatWan, normalizePunctuation } from './typography';

/** A handwritten signature to place on the documents (签名图像) and when it was made; both optional. */
export interface SignatureInput {
  image: Uint8Array | null;
  signedAt: string | null;
}

/** One member of the panel as the panel context reads them: who, and their review with everything computed. */
export interface PanelMember {
  expertId: string;
  name: string;
  title: string;
  employer: string;
  isChair: boolean;
  view: ReviewView;
  signature?: SignatureInput;
}

export interface ContextOptions {
  /** 发文字号; default derived from the issuer, the year and the project's position (see defaultDocNumber). */
  docNumber?: string;
}

const userText = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t ? normalizePunctuation(t) : null;
};

const rate = (bp: number | null) => (bp === null ? '—' : formatBasisPoints(bp));

const vetoStateLabels = { hit: '成立', clear: '不成立', pending: '待专家判断' } as const;
const ruleSections: Record<string, string> = { docs: 'requiredDocuments', chapter: 'requiredChapters', 'red-flag': 'redFlags', budget: 'budgetRules' };

// Short forms of body names in 发文字号 (机关代字); the first matching word wins.
const bodyAbbreviations: [RegExp, string][] = [
  [/发展和改革|发展改革/, '发改'],
  [/经济和信息化|经济信息化/, '经信'],
  [/政务服务/, '政服'],
  [/大数据|数据/, '数据'],
  [/政务信息/, '政信'],
];

/**
 * 发文字号 when the bureau gives none: 机关代字 + 评〔year〕+ the project's position + 号, e.g. 重庆市武隆区大数据发展局 →
 * 武数据评〔2027〕1号. The 代字 is the first character of the lowest administrative area named (武隆区 → 武) and the
 * short form of the body; bureaus with a registered 代字 pass their own number.
 */
export function defaultDocNumber(issuer: string, year: string, position: number): string {
  const areas = [...issuer.matchAll(/([^省市区县旗]+?)(?:自治区|省|市|区|县|旗)/g)];
  const area = areas.at(-1);
  const place = area ? area[1].slice(0, 1) : issuer.slice(0, 1);
  const body = area ? issuer.slice(area.index + area[0].length) : issuer;
  const short = bodyAbbreviations.find(([re]) => re.test(body))?.[1] ?? body.slice(0, 1);
  return `${place}${short}评〔${year}〕${position}号`;
}

/** The organising body of the regulation; the national profile names a role (政务信息化主管部门), so the issuer stands in. */
const organiserOf = (session: SessionDetail, profile: Profile) => (profile.id === 'national' ? session.issuer : profile.bodies.organiser.name);

function sessionPart(session: SessionDetail, profile: Profile, projectPosition: number, opts: ContextOptions): TemplateContext['session'] {
  const year = session.date.slice(0, 4);
  const chair = session.experts.find((e) => e.isChair);
  return {
    id: session.id,
    title: session.title,
    date: formatDate(session.date),
    year,
    location: session.location,
    issuer: session.issuer,
    organiser: organiserOf(session, profile),
    docNumber: opts.docNumber?.trim() || defaultDocNumber(session.issuer, year, projectPosition),
    jurisdiction: profile.name,
    regulation: profile.citeAs,
    chair: chair?.name ?? null,
    experts: session.experts.map((e, i) => ({ index: String(i + 1), name: e.name, title: e.title, employer: e.employer, role: e.isChair ? '组长' : '组员' })),
  };
}

function projectPart(session: SessionDetail, projectId: string): NonNullable<TemplateContext['project']> {
  const position = session.projects.findIndex((p) => p.id === projectId);
  const p = session.projects[position];
  return {
    id: p.id,
    position: String(position + 1),
    name: p.name,
    applicant: p.applicant,
    supervisor: userText(p.supervisor),
    type: projectTypeNames[p.type],
    totalInvestment: formatWan(p.totalInvestmentFen),
    fundingSource: userText(p.fundingSource),
    period: p.periodMonths === null ? null : `${p.periodMonths}个月`,
    summary: userText(p.summary),
    inAnnualPlan: p.inAnnualPlan ? '是' : '否',
  };
}

function investmentPart(lines: LineReduction[], project: Reduction, reasons: Record<string, string | null>): InvestmentValue {
  const formatted = lines.map((l, i) => ({
    index: String(i + 1),
    name: l.name,
    requested: formatWan(l.requestedFen),
    approved: formatWan(l.approvedFen),
    reduction: formatWan(l.reductionFen),
    rate: rate(l.reductionRateBp),
    reason: userText(reasons[l.lineId]),
  }));
  return {
    lines: formatted,
    requested: formatWan(project.requestedFen),
    approved: formatWan(project.approvedFen),
    reduction: formatWan(project.reductionFen),
    rate: rate(project.reductionRateBp),
    reduced: formatted.filter((_, i) => lines[i].reductionFen !== 0).map(({ name, reduction, reason }) => ({ name, reduction, reason })),
  };
}

const bandLabel = (rubric: Rubric, conclusion: string | null) => (conclusion ? rubric.bands.find((b) => b.conclusion === conclusion)?.label ?? null : null);

function reviewPart(view: ReviewView, expertName: string): NonNullable<TemplateContext['review']> {
  const { review, totals, rubric } = view;
  const r = rubric.rubric;
  const chosen = review.conclusion.chosen;
  return {
    expertName,
    state: reviewStateLabels[view.state],
    conflict: review.conflict === null ? null : review.conflict.hasConflict ? '本人与该项目存在利害关系，申请回避。' : '本人与该项目及其申报单位不存在利害关系。',
    conflictNote: userText(review.conflict?.note),
    familiarity: review.familiarity ? familiarityLabels[review.familiarity] : null,
    dimensions: r.dimensions.map((d, i) => {
      const entered = review.dimensions[d.id];
      const total = totals.dimensions[i];
      return {
        name: d.name,
        max: formatScore(d.maxPoints),
        score: total.scored ? formatScore(total.subtotal) : '',
        opinion: userText(entered?.opinion),
        lowScoreReason: userText(entered?.lowScoreReason),
        subCriteria: d.subCriteria.map((c) => {
          const s = entered?.scores[c.id];
          return { name: c.name, max: formatScore(c.maxPoints), score: s === null || s === undefined ? null : formatScore(s) };
        }),
      };
    }),
    total: formatScore(totals.total),
    totalPoints: formatScore(totals.totalPoints),
    chapters: view.chapters.map((c) => ({ title: c.title, opinion: userText(review.chapterOpinions[c.id]) })),
    overallOpinion: userText(review.overallOpinion),
    conclusion: bandLabel(r, chosen) ?? view.suggestion.label,
    conclusionSource: chosen ? '专家选定' : view.suggestion.conclusion ? '按评分建议' : null,
    conclusionReason: chosen && chosen !== view.suggestion.conclusion ? userText(review.conclusion.reason) : null,
    suggestion: view.suggestion.label,
    suggestionReasons: view.suggestion.reasons.join('；'),
    investment: investmentPart(view.reductions.lines, view.reductions.project, Object.fromEntries(Object.entries(review.investment).map(([id, l]) => [id, l.reason]))),
    vetoes: view.vetoes.map((v) => ({ title: v.veto.title, state: vetoStateLabels[v.state], citation: v.veto.citation })),
    vetoHits: view.vetoes.filter((v) => v.state === 'hit').map((v) => ({ title: v.veto.title, citation: v.veto.citation })),
    completedAt: view.completedAt ? formatDate(view.completedAt) : null,
  };
}

function precheckPart(db: Db, session: SessionDetail, projectId: string, profile: Profile): NonNullable<TemplateContext['precheck']> {
  const findings = projectReport(db, session, projectId)?.findings ?? [];
  const titleOf = (ruleId: string): string => {
    const [, section, id] = ruleId.split('.');
    const list = (profile as unknown as Record<string, { id: string; title: string }[]>)[ruleSections[section] ?? ''];
    return list?.find((r) => r.id === id)?.title ?? (section === 'cross-project' ? '跨项目集约性审查' : id);
  };
  return {
    findings: findings.map((f, i) => ({ index: String(i + 1), rule: titleOf(f.ruleId), status: findingStatusLabels[f.status], message: f.message, citation: f.citation })),
    failures: String(findings.filter((f) => f.status === 'fail').length),
    judgements: String(findings.filter((f) => f.status === 'judge').length),
  };
}

function letterPart(profile: Profile, values: Record<'project' | 'date' | 'applicant' | 'organiser' | 'session', string>): NonNullable<TemplateContext['letter']> {
  const fill = (s: string) => s.replace(/\{(project|date|applicant|organiser|session)\}/g, (_, k: keyof typeof values) => values[k]);
  const { title, salutation, opening, closing } = profile.letter;
  return { title: fill(title), salutation: fill(salutation), opening: fill(opening), closing: fill(closing) };
}

function signature(role: string, name: string, s: SignatureInput | undefined): SignatureEntryValue {
  return { role, name, date: s?.signedAt ? formatDate(s.signedAt) : null, image: s?.image ?? null };
}

/** What the bureau decided for the panel (bureau/panel.ts): the conclusion in force and the members' dissents (保留意见). */
export interface PanelDecision {
  decision?: { label: string | null; reason: string | null };
  dissents?: { expert: string; reason: string }[];
  /** 专家组意见: the panel's own text by section ('overall', 'dimension:<id>', 'chapter:<id>'; bureau/panelOpinion.ts), printed instead of the members' opinions. */
  panelTexts?: Record<string, string>;
}

function panelPart(members: PanelMember[], aggregate: ProjectAggregate, rubric: Rubric, decided: PanelDecision): NonNullable<TemplateContext['panel']> {
  const counted = members.filter((m) => !m.view.review.conflict?.hasConflict);
  const opinions = (pick: (m: PanelMember) => string | null | undefined) =>
    counted.flatMap((m) => {
      const text = userText(pick(m));
      return text ? [{ expert: m.name, text }] : [];
    });
  const vetoHits = new Map(counted.flatMap((m) => m.view.vetoes.filter((v) => v.state === 'hit').map((v) => [v.veto.id, v.veto] as const)));
  const inForce = aggregate.total.inForce;
  const suggestion = suggestConclusion(inForce ? inForce.value : null, [...vetoHits.values()], rubric);
  const chapters = members[0]?.view.chapters ?? [];
  const fig = (f: { text: string } | null) => f?.text ?? null;
  // The panel's text of a section, and the members' opinions a document prints when there is none.
  const withOwn = (section: string, members: { expert: string; text: string }[]) => {
    const panelOpinion = userText(decided.panelTexts?.[section]);
    return { opinions: members, panelOpinion, fallbackOpinions: panelOpinion ? [] : members };
  };
  const overall = withOwn('overall', opinions((m) => m.view.review.overallOpinion));
  return {
    size: String(members.length),
    experts: members.map((m, i) => {
      const recused = m.view.review.conflict?.hasConflict === true;
      const chosen = m.view.review.conclusion.chosen;
      return {
        index: String(i + 1),
        name: m.name,
        title: m.title,
        employer: m.employer,
        role: m.isChair ? '组长' : '组员',
        recused: recused ? '回避' : '',
        total: recused ? '回避' : formatScore(m.view.totals.total),
        conclusion: recused ? null : bandLabel(rubric, chosen) ?? m.view.suggestion.label,
        familiarity: m.view.review.familiarity ? familiarityLabels[m.view.review.familiarity] : null,
        scores: m.view.totals.dimensions.map((d) => ({ name: d.name, score: recused ? '—' : formatScore(d.subtotal) })),
      };
    }),
    dimensions: aggregate.dimensions.map((d) => ({
      name: d.name,
      max: formatScore(d.maxPoints),
      mean: fig(d.mean),
      trimmedMean: fig(d.trimmedMean),
      inForce: fig(d.inForce),
      ...withOwn(`dimension:${d.id}`, opinions((m) => m.view.review.dimensions[d.id as keyof typeof m.view.review.dimensions]?.opinion)),
    })),
    total: {
      max: formatScore(rubric.totalPoints),
      mean: fig(aggregate.total.mean),
      trimmedMean: fig(aggregate.total.trimmedMean),
      inForce: fig(inForce),
      rule: aggregate.total.inForceRule === 'trimmed-mean' ? '去掉一个最高分和一个最低分后取平均' : '取平均',
    },
    rank: aggregate.rank === null ? null : String(aggregate.rank),
    conclusion: decided.decision ? decided.decision.label : suggestion.label,
    conclusionReason: userText(decided.decision?.reason),
    conclusionCounts: rubric.bands.map((b) => `${b.label} ${aggregate.conclusions[b.conclusion]} 票`).join('，'),
    chapters: chapters.map((c) => ({ title: c.title, ...withOwn(`chapter:${c.id}`, opinions((m) => m.view.review.chapterOpinions[c.id])) })),
    overallOpinions: overall.opinions,
    overallOpinion: overall.panelOpinion,
    fallbackOverallOpinions: overall.fallbackOpinions,
    investment: investmentPart(aggregate.lines, aggregate.reduction, Object.fromEntries(aggregate.lines.map((l) => [l.lineId, l.chairReason]))),
    vetoHits: [...vetoHits.values()].map((v) => ({ title: v.title, citation: v.citation })),
    dissents: (decided.dissents ?? []).flatMap((d) => {
      const reason = userText(d.reason);
      return reason ? [{ expert: d.expert, reason }] : [];
    }),
  };
}

/**
 * The panel context of one project at `now`. `members` are the panel's reviews (default: this machine's expert alone,
 * `localPanelMember`); `aggregate` may come from aggregateSession (it then carries the project's rank), else
 * aggregateProject runs with the default rule. `review` is the member's review when the panel has one member, else null.
 */
export function buildPanelContext(
  db: Db,
  sessionId: string,
  projectId: string,
  now: Date,
  opts: ContextOptions & PanelDecision & { members?: PanelMember[]; aggregate?: ProjectAggregate } = {},
): TemplateContext {
  const session = sessionOrThrow(db, sessionId);
  const profile = loadProfile(session.jurisdiction);
  const project = projectPart(session, projectId);
  const members = opts.members ?? [localPanelMember(db, sessionId, projectId)];
  const rubric = members[0]?.view.rubric.rubric ?? reviewView(reviewContext(db, session, projectId)).rubric.rubric;
  const aggregate =
    opts.aggregate ??
    aggregateProject(
      {
        projectId,
        name: project.name,
        dimensions: rubric.dimensions.map(({ id, name, maxPoints }) => ({ id, name, maxPoints })),
        totalPoints: rubric.totalPoints,
        lines: session.projects[Number(project.position) - 1].budgetLines.map(({ id, name, amountFen }) => ({ id, name, amountFen })),
        experts: members.map((m) => ({ ...expertScoresFromReview(m.view.review, rubric, m.name, m.view.review.conclusion.chosen ?? m.view.suggestion.conclusion), expertId: m.expertId })),
      },
      profileRule(profile),
    );
  const sessionValues = sessionPart(session, profile, Number(project.position), opts);
  const chair = members.filter((m) => m.isChair);
  return {
    ...buildSessionContext(db, sessionId, now),
    session: sessionValues,
    project,
    expert: null,
    review: members.length === 1 ? reviewPart(members[0].view, members[0].name) : null,
    precheck: precheckPart(db, session, projectId, profile),
    letter: letterPart(profile, { project: project.name, date: sessionValues.date, applicant: project.applicant, organiser: sessionValues.organiser, session: session.title }),
    panel: panelPart(members, aggregate, rubric, opts),
    signatures: {
      expert: [],
      members: members.filter((m) => !m.isChair).map((m) => signature('组员', m.name, m.signature)),
      chair: chair.map((m) => signature('组长', m.name, m.signature)),
    },
  };
}

/** This machine's expert as a panel member: the profile's name, chair when the package names them chair. */
export function localPanelMember(db: Db, sessionId: string, projectId: string, signatureInput?: SignatureInput): PanelMember {
  const session = sessionOrThrow(db, sessionId);
  const profile = loadExpertProfile(db);
  const name = profile?.name ?? '评审专家';
  const listed = session.experts.find((e) => e.name === name);
  return {
    expertId: localExpertId,
    name,
    title: profile?.title || listed?.title || '',
    employer: profile?.employer || listed?.employer || '',
    isChair: listed?.isChair ?? false,
    view: reviewView(reviewContext(db, session, projectId)),
    signature: signatureInput,
  };
}

/**
 * A session document's context (签到表, 回避承诺书) at `now`: the session, this machine's expert with their signature
 * line and accepted commitment; project, review, panel, pre-check and letter are null; `ranking` only when passed
 * (sessionRanking.ts), as the session's score summary needs it.
 */
export function buildSessionContext(db: Db, sessionId: string, now: Date, opts: { signature?: SignatureInput; ranking?: TemplateContext['ranking'] } = {}): TemplateContext {
  const session = sessionOrThrow(db, sessionId);
  const profile = loadProfile(session.jurisdiction);
  const expert = loadExpertProfile(db);
  const commitment = loadCommitment(db, sessionId);
  return {
    session: sessionPart(session, profile, 1, {}),
    project: null,
    expert: expert && { name: expert.name, title: userText(expert.title), employer: userText(expert.employer), phone: userText(expert.phone) },
    review: null,
    precheck: null,
    letter: null,
    panel: null,
    signatures: { expert: expert ? [signature('评审专家', expert.name, opts.signature)] : [], members: [], chair: [] },
    commitment: {
      lines: commitmentText.split('\n').map((text) => ({ text })),
      acceptedAt: commitment ? formatDate(commitment.acceptedAt) : null,
      expertName: commitment?.expertName ?? null,
    },
    today: formatDate(now.toISOString()),
    ranking: opts.ranking ?? null,
  };
}

/**
 * One expert's context for one project on this machine at `now`: the panel context of a one-member panel plus the
 * expert's profile (专家信息), signature line and accepted commitment (承诺书).
 */
export function buildExpertContext(db: Db, sessionId: string, projectId: string, now: Date, opts: ContextOptions & { signature?: SignatureInput } = {}): TemplateContext {
  const member = localPanelMember(db, sessionId, projectId, opts.signature);
  const panel = buildPanelContext(db, sessionId, projectId, now, { ...opts, members: [member] });
  const own = buildSessionContext(db, sessionId, now, opts);
  return { ...panel, expert: own.expert, commitment: own.commitment, signatures: { ...panel.signatures, expert: [signature('评审专家', member.name, opts.signature)] } };
}
