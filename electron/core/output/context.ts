// Owns the data context of templates (模板数据): one expert's review of a project, or the panel's, read from the store and formatted for documents.
//
// Nothing is computed here that another module owns: totals, vetoes, suggestions and 核减 come from scoring/view.ts
// (ReviewView), the pre-check from precheck/report.ts, the panel's members, means and approved amounts from panel/.
// This module only picks and formats. User text is trimmed and its punctuation made full-width; empty text is null
// (missing), so a template must mark it optional or guard it.
import { commitmentText } from '../../../shared/expert';
import { projectTypeNames } from '../../../shared/manifest';
import type { SessionDetail } from '../../../shared/domain';
import type { Profile, Rubric } from '../../../shared/profile';
import {
  familiarityLabels,
  formatBasisPoints,
  reviewStateLabels,
  type LineReduction,
  type Reduction,
  type ReviewView,
} from '../../../shared/scoring';
import { suggestConclusion } from '../../../shared/reviewTotals';
import { aggregateProject, type ProjectAggregate } from '../panel/aggregate';
import { localPanelMember, projectPanelInput, type PanelMember } from '../panel/members';
import { sessionPanel, type SessionPanel } from '../panel/panel';
import { profileRule } from '../panel/rule';
import { projectReport } from '../precheck/report';
import { findingStatusLabels } from '../../../shared/precheck';
import { reviewContext, reviewView } from '../scoring/view';
import type { ReadDb } from '../store/access';
import { listPanelTexts } from '../store/bureauResults';
import { loadCommitment, loadExpertProfile } from '../store/expert';
import { findLetter, loadLetterSettings } from '../store/letterRegister';
import { opinionSections, unconfirmedTitles, type OpinionSection } from '../panel/opinionSections';
import { unsettledHeading } from '../panel/opinionMerge';
import type { InvestmentValue, SignatureEntryValue, TemplateContext } from './template/contextShape';
import { cornerQuotesToCurly, formatDate, formatPoints, formatRange, formatScore, formatWan, normalizePunctuation } from './typography';
import { sessionOrThrow, sessionProfile } from '../context/session';

/** A handwritten signature to place on the documents (签名图像) and when it was made; both optional. */
export interface SignatureInput {
  image: Uint8Array | null;
  signedAt: string | null;
}

/** A panel member as the documents print them: with their handwritten signature when they signed on this machine. */
export type SigningMember = PanelMember & { signature?: SignatureInput };

export interface ContextOptions {
  /** 发文字号 of an issued letter (the register's, store/letterRegister.ts); default: the prefix and year with the serial left blank. */
  docNumber?: string;
  /** 成文日期 of an issued letter (YYYY-MM-DD); default: the review meeting's date. */
  letterDate?: string;
  /** Print the automated pre-check (形式审查) as an annex: only when the expert asks for it. */
  includePrecheck?: boolean;
  /** 机关代字 + 类别 of the 发文字号 (e.g. 武数据评): the number is then prefix〔year〕position号. Default from the issuer. */
  docNumberPrefix?: string;
  /** 发文机关标志 of the letter (信函格式 版头); default the issuer's full name. */
  issuerMark?: string;
  /** 抄送机关 of the letter's 版记, in order; default none (no 版记). */
  copyTo?: string[];
}

const userText = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t ? cornerQuotesToCurly(normalizePunctuation(t)) : null;
};

/** Decimals of the panel's tables (the aggregation rule's): every score of a panel table, raw or averaged, is printed with them. */
const panelDecimals = (aggregate: ProjectAggregate) => aggregate.rule.decimals;
/** Decimals of the expert's own form: one, so 18 and 17.5 read 18.0 and 17.5 in one column. */
const expertDecimals = 1;

const rate = (bp: number | null) => (bp === null ? '—' : formatBasisPoints(bp));

const vetoStateLabels = { hit: '成立', clear: '不成立', pending: '待专家判断' } as const;
const ruleSections: Record<string, string> = {
  docs: 'requiredDocuments',
  chapter: 'requiredChapters',
  'red-flag': 'redFlags',
  budget: 'budgetRules',
};
/** What a finding is about when its rule has no title of its own in the profile (the budget check, the cross-project checks): never the rule's id. */
const sectionTitles: Record<string, string> = {
  docs: '必备材料',
  chapter: '必备篇章',
  'red-flag': '风险提示',
  budget: '费用列支范围',
  'cross-project': '跨项目集约性审查',
};

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
export function defaultDocNumber(issuer: string, year: string, position: number, prefix?: string): string {
  return `${prefix?.trim() || defaultNumberPrefix(issuer)}〔${year}〕${position}号`;
}

/** 机关代字 + 评 of an issuer (重庆市武隆区大数据发展局 → 武数据评): the 文号 prefix when the bureau has not set its own. */
export function defaultNumberPrefix(issuer: string): string {
  const areas = [...issuer.matchAll(/([^省市区县旗]+?)(?:自治区|省|市|区|县|旗)/g)];
  const area = areas.at(-1);
  const place = area ? area[1]!.slice(0, 1) : issuer.slice(0, 1);
  const body = area ? issuer.slice(area.index + area[0].length) : issuer;
  const short = bodyAbbreviations.find(([re]) => re.test(body))?.[1] ?? body.slice(0, 1);
  return `${place}${short}评`;
}

/** A letter not issued yet: the prefix and year with the serial left blank (〔2027〕　号), as an unnumbered draft reads. */
export const unnumbered = (prefix: string, year: string) => `${prefix}〔${year}〕\u3000\u3000号`;

/** 抄送 as GB/T 9704 7.4.2 prints it: the bodies separated by "，" and closed with "。"; null when there are none. */
function copyToLine(bodies: string[] | undefined): string | null {
  const names = (bodies ?? []).map((b) => b.trim().replace(/[，。,.]+$/, '')).filter(Boolean);
  return names.length ? `${names.join('，')}。` : null;
}

/** The organising body of the regulation; the national profile names a role (政务信息化主管部门), so the issuer stands in. */
const organiserOf = (session: SessionDetail, profile: Profile) =>
  profile.id === 'national' ? session.issuer : profile.bodies.organiser.name;

function sessionPart(session: SessionDetail, profile: Profile, opts: ContextOptions): TemplateContext['session'] {
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
    docNumber: opts.docNumber?.trim() || unnumbered(opts.docNumberPrefix?.trim() || defaultNumberPrefix(session.issuer), year),
    issuerMark: opts.issuerMark?.trim() || session.issuer,
    copyTo: copyToLine(opts.copyTo),
    jurisdiction: profile.name,
    regulation: profile.citeAs,
    chair: chair?.name ?? null,
    experts: session.experts.map((e, i) => ({
      index: String(i + 1),
      name: e.name,
      title: e.title,
      employer: e.employer,
      specialty: e.specialty,
      role: e.isChair ? '组长' : '组员',
    })),
    projects: session.projects.map((p, i) => ({ index: String(i + 1), name: p.name, applicant: p.applicant })),
  };
}

/**
 * 评审重点 of a project: the rubric's dimensions, the chapters the regulation requires an opinion on, and the vetoes
 * the experts rule on — what a form asks the expert to look at, in one sentence.
 */
function focusOf(rubric: Rubric, chapters: { title: string }[], vetoes: { title: string }[]): string {
  const parts = [`从${rubric.dimensions.map((d) => d.name).join('、')}${rubric.dimensions.length}个方面评分并提出意见`];
  if (chapters.length) parts.push(`对${chapters.length}个必备篇（章）逐一提出意见`);
  if (vetoes.length) parts.push(`认定${vetoes.length}项一票否决情形是否成立`);
  parts.push('审核投资概算，提出核定金额');
  return `${parts.join('；')}。`;
}

function projectPart(session: SessionDetail, projectId: string): NonNullable<TemplateContext['project']> {
  const position = session.projects.findIndex((p) => p.id === projectId);
  const p = session.projects[position];
  if (!p) throw new Error(`no project ${projectId} in the session`);
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
    focus: null,
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
    reduced: formatted.filter((_, i) => lines[i]!.reductionFen !== 0).map(({ name, reduction, reason }) => ({ name, reduction, reason })),
  };
}

const bandLabel = (rubric: Rubric, conclusion: string | null) =>
  conclusion ? (rubric.bands.find((b) => b.conclusion === conclusion)?.label ?? null) : null;

function reviewPart(view: ReviewView, expertName: string): NonNullable<TemplateContext['review']> {
  const { review, totals, rubric } = view;
  const r = rubric.rubric;
  const chosen = review.conclusion.chosen;
  return {
    expertName,
    state: reviewStateLabels[view.state],
    conflict:
      review.conflict === null
        ? null
        : review.conflict.hasConflict
          ? '本人与该项目存在利害关系，申请回避。'
          : '本人与该项目及其申报单位不存在利害关系。',
    conflictNote: userText(review.conflict?.note),
    familiarity: review.familiarity ? familiarityLabels[review.familiarity] : null,
    dimensions: r.dimensions.map((d, i) => {
      const entered = review.dimensions[d.id];
      const total = totals.dimensions[i]!; // totals are computed per rubric dimension, in order
      return {
        name: d.name,
        max: formatScore(d.maxPoints),
        range: formatRange(d.maxPoints),
        score: total.scored ? formatPoints(total.subtotal, expertDecimals) : '',
        opinion: userText(entered?.opinion),
        lowScoreReason: userText(entered?.lowScoreReason),
        subCriteria: d.subCriteria.map((c) => {
          const s = entered?.scores[c.id];
          return {
            name: c.name,
            max: formatScore(c.maxPoints),
            range: formatRange(c.maxPoints),
            score: s === null || s === undefined ? null : formatPoints(s, expertDecimals),
          };
        }),
      };
    }),
    total: formatPoints(totals.total, expertDecimals),
    totalPoints: formatScore(totals.totalPoints),
    chapters: view.chapters.map((c) => ({ title: c.title, opinion: userText(review.chapterOpinions[c.id]) })),
    overallOpinion: userText(review.overallOpinion),
    conclusion: bandLabel(r, chosen) ?? view.suggestion.label,
    conclusionSource: chosen ? '专家选定' : view.suggestion.conclusion ? '按评分建议' : null,
    conclusionReason: chosen && chosen !== view.suggestion.conclusion ? userText(review.conclusion.reason) : null,
    suggestion: view.suggestion.label,
    suggestionReasons: view.suggestion.reasons.join('；'),
    investment: investmentPart(
      view.reductions.lines,
      view.reductions.project,
      Object.fromEntries(Object.entries(review.investment).map(([id, l]) => [id, l.reason])),
    ),
    vetoes: view.vetoes.map((v) => ({ title: v.veto.title, state: vetoStateLabels[v.state], citation: v.veto.citation })),
    vetoHits: view.vetoes.filter((v) => v.state === 'hit').map((v) => ({ title: v.veto.title, citation: v.veto.citation })),
    completedAt: view.completedAt ? formatDate(view.completedAt) : null,
  };
}

/**
 * A pre-check message as a document prints it: in the words of a form (形式审查结论), not of the program that made it —
 * a file it could not read is a file “未能自动识别” for the expert to check by hand; no ids, corner quotes made curly.
 */
function plainFinding(message: string): string {
  return cornerQuotesToCurly(message)
    .replace(/未能读取申报文件的文本，无法自动判断是否包含/g, '申报材料中未能自动识别')
    .replace(/请人工核对/g, '请评审专家核对')
    .replace(/（[a-z][a-z0-9]*(?:-[a-z0-9]+)+）/g, '');
}

function precheckPart(db: ReadDb, session: SessionDetail, projectId: string, profile: Profile): NonNullable<TemplateContext['precheck']> {
  const findings = projectReport(db, session, projectId)?.findings ?? [];
  const titleOf = (ruleId: string): string => {
    const [, section, id] = ruleId.split('.');
    const list = (profile as unknown as Record<string, { id: string; title: string }[]>)[ruleSections[section ?? ''] ?? ''];
    return list?.find((r) => r.id === id)?.title ?? sectionTitles[section ?? ''] ?? '形式审查';
  };
  return {
    findings: findings.map((f, i) => ({
      index: String(i + 1),
      rule: titleOf(f.ruleId),
      status: findingStatusLabels[f.status],
      message: plainFinding(f.message),
      citation: f.citation,
    })),
    failures: String(findings.filter((f) => f.status === 'fail').length),
    judgements: String(findings.filter((f) => f.status === 'judge').length),
  };
}

function letterPart(
  profile: Profile,
  values: Record<'project' | 'date' | 'applicant' | 'organiser' | 'session', string>,
  dated: string,
): NonNullable<TemplateContext['letter']> {
  const fill = (s: string) => s.replace(/\{(project|date|applicant|organiser|session)\}/g, (_, k: keyof typeof values) => values[k]);
  const { title, salutation, opening, closing } = profile.letter;
  return { title: fill(title), salutation: fill(salutation), opening: fill(opening), closing: fill(closing), date: formatDate(dated) };
}

/**
 * A signature line: signed (the handwritten image, and the time the signer signed, stored when they did), or blank —
 * no name is printed on a line the person still has to sign by hand, and no date is put on it.
 */
function signature(role: string, name: string, s: SignatureInput | undefined): SignatureEntryValue {
  const signed = s?.image ?? null;
  return { role, name: signed ? name : '', date: signed && s?.signedAt ? formatDate(s.signedAt) : null, image: signed };
}

/** What the bureau decided for the panel (panel/panel.ts): the conclusion in force and the members' dissents (保留意见). */
export interface PanelDecision {
  decision?: { label: string | null; reason: string | null };
  dissents?: { expert: string; reason: string }[];
  /** 专家组意见: the panel's own text by section ('overall', 'dimension:<id>', 'chapter:<id>'; bureau/panelOpinion.ts), printed instead of the members' opinions. */
  panelTexts?: Record<string, string>;
}

function panelPart(
  members: SigningMember[],
  aggregate: ProjectAggregate,
  rubric: Rubric,
  decided: PanelDecision,
  specialtyOf: (name: string) => string,
): NonNullable<TemplateContext['panel']> {
  const counted = members.filter((m) => !m.view.review.conflict?.hasConflict);
  const opinions = (pick: (m: PanelMember) => string | null | undefined) =>
    counted.flatMap((m) => {
      const text = userText(pick(m));
      return text ? [{ expert: m.name, text }] : [];
    });
  const vetoHits = new Map(counted.flatMap((m) => m.view.vetoes.filter((v) => v.state === 'hit').map((v) => [v.veto.id, v.veto] as const)));
  const inForce = aggregate.total.inForce;
  const suggestion = suggestConclusion(inForce ? inForce.value : null, [...vetoHits.values()], rubric);
  const fig = (f: { text: string } | null) => f?.text ?? null;
  const decimals = panelDecimals(aggregate);
  const sections = opinionSections(members, rubric, decided.panelTexts ?? {});
  const bySection = new Map(sections.map((s) => [s.section, s]));
  const unconfirmed = unconfirmedTitles(sections);
  // One voice per section: the chair's confirmed text; until then the merged draft's shared points, then what the
  // chair has to settle under “待组长确定：”, each member's own wording attributed (a draft, marked 草稿).
  const voice = (key: string, memberOpinions: { expert: string; text: string }[]) => {
    const s = bySection.get(key) as OpinionSection;
    if (s.confirmed) return { opinions: memberOpinions, panelOpinion: userText(s.panelText), fallbackOpinions: [], draft: null };
    const settle = s.merged.unsettled.map((u) => ({ expert: u.expert, text: userText(`${u.expert}：${u.text}`) as string }));
    return {
      opinions: memberOpinions,
      panelOpinion: s.merged.shared.length ? userText(s.merged.shared.join('')) : null,
      fallbackOpinions: settle.length ? [{ expert: '', text: unsettledHeading }, ...settle] : [],
      draft: '草稿',
    };
  };
  const overall = voice(
    'overall',
    opinions((m) => m.view.review.overallOpinion),
  );
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
        specialty: specialtyOf(m.name),
        role: m.isChair ? '组长' : '组员',
        recused: recused ? '回避' : '',
        total: recused ? '回避' : formatPoints(m.view.totals.total, decimals),
        conclusion: recused ? null : (bandLabel(rubric, chosen) ?? m.view.suggestion.label),
        familiarity: m.view.review.familiarity ? familiarityLabels[m.view.review.familiarity] : null,
        scores: m.view.totals.dimensions.map((d) => ({ name: d.name, score: recused ? '—' : formatPoints(d.subtotal, decimals) })),
      };
    }),
    dimensions: aggregate.dimensions.map((d) => ({
      name: d.name,
      max: formatScore(d.maxPoints),
      mean: fig(d.mean),
      trimmedMean: fig(d.trimmedMean),
      inForce: fig(d.inForce),
      ...voice(
        `dimension:${d.id}`,
        opinions((m) => m.view.review.dimensions[d.id as keyof typeof m.view.review.dimensions]?.opinion),
      ),
    })),
    total: {
      max: formatScore(rubric.totalPoints),
      mean: fig(aggregate.total.mean),
      trimmedMean: fig(aggregate.total.trimmedMean),
      inForce: fig(inForce),
      rule:
        aggregate.total.inForceRule === 'trimmed-mean'
          ? '各项分别去掉一个最高分和一个最低分后取平均，总分为各项之和'
          : '各项取平均，总分为各项之和',
    },
    rounding: `各项平均分四舍五入保留${decimals === 2 ? '两' : decimals === 1 ? '一' : String(decimals)}位小数，总分为各项之和`,
    draft: unconfirmed.length ? '草稿' : null,
    unconfirmed: unconfirmed.length ? unconfirmed.join('、') : null,
    rank: aggregate.rank === null ? null : String(aggregate.rank),
    conclusion: decided.decision ? decided.decision.label : suggestion.label,
    conclusionReason: userText(decided.decision?.reason),
    conclusionCounts: rubric.bands.map((b) => `${b.label} ${aggregate.conclusions[b.conclusion]} 票`).join('，'),
    chapters: (members[0]?.view.chapters ?? []).map((c) => ({
      title: c.title,
      ...voice(
        `chapter:${c.id}`,
        opinions((m) => m.view.review.chapterOpinions[c.id]),
      ),
    })),
    overallOpinions: overall.opinions,
    overallOpinion: overall.panelOpinion,
    fallbackOverallOpinions: overall.fallbackOpinions,
    investment: investmentPart(
      aggregate.lines,
      aggregate.reduction,
      Object.fromEntries(aggregate.lines.map((l) => [l.lineId, l.chairReason])),
    ),
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
  db: ReadDb,
  sessionId: string,
  projectId: string,
  now: Date,
  opts: ContextOptions & PanelDecision & { members?: SigningMember[]; aggregate?: ProjectAggregate } = {},
): TemplateContext {
  const session = sessionOrThrow(db, sessionId);
  const profile = sessionProfile(db, session);
  const project = projectPart(session, projectId);
  const members: SigningMember[] = opts.members ?? [localPanelMember(db, sessionId, projectId)];
  const rubric = members[0]?.view.rubric.rubric ?? reviewView(reviewContext(db, session, projectId)).rubric.rubric;
  const aggregate =
    opts.aggregate ??
    aggregateProject(projectPanelInput(session.projects[Number(project.position) - 1]!, rubric, members), profileRule(profile));
  const sessionValues = sessionPart(session, profile, opts);
  const chair = members.filter((m) => m.isChair);
  const first = members[0]?.view;
  const specialtyOf = (name: string) => session.experts.find((e) => e.name === name)?.specialty ?? '';
  return {
    ...buildSessionContext(db, sessionId, now),
    session: sessionValues,
    project: {
      ...project,
      focus: focusOf(
        rubric,
        first?.chapters ?? [],
        (first?.vetoes ?? []).map((v) => v.veto),
      ),
    },
    expert: null,
    review: members.length === 1 ? reviewPart(members[0]!.view, members[0]!.name) : null,
    precheck: opts.includePrecheck ? precheckPart(db, session, projectId, profile) : null,
    letter: letterPart(
      profile,
      {
        project: project.name,
        date: sessionValues.date,
        applicant: project.applicant,
        organiser: sessionValues.organiser,
        session: session.title,
      },
      opts.letterDate ?? session.date,
    ),
    panel: panelPart(members, aggregate, rubric, opts, specialtyOf),
    signatures: {
      expert: [],
      members: members.filter((m) => !m.isChair).map((m) => signature('组员', m.name, m.signature)),
      chair: chair.map((m) => signature('组长', m.name, m.signature)),
    },
  };
}

/** The 文号 register's kind for the letter (评审意见函): the template's id. */
export const letterKind = 'opinion-letter';

/**
 * The bureau's letter settings and, once the letter is issued, its 文号 and 成文日期 from the register (发文登记): what a
 * letter of the project prints in its 版头, closing and 版记.
 */
export function bureauLetterOptions(db: ReadDb, sessionId: string, projectId: string): ContextOptions {
  const settings = loadLetterSettings(db);
  const issued = findLetter(db, sessionId, projectId, letterKind);
  return {
    issuerMark: settings.issuerMark || undefined,
    docNumberPrefix: settings.numberPrefix || undefined,
    copyTo: settings.copyTo,
    ...(issued ? { docNumber: issued.number, letterDate: issued.dated } : {}),
  };
}

/**
 * The panel context of one project on the bureau's machine: members from the results in force, the decided conclusion,
 * the dissents, the panel's own opinion text, and the letter's settings and register entry.
 */
export function bureauPanelContext(
  db: ReadDb,
  sessionId: string,
  projectId: string,
  now: Date,
  computed: SessionPanel = sessionPanel(db, sessionId),
): TemplateContext {
  const panel = computed.panels.get(projectId);
  const decided = computed.view.projects.find((p) => p.projectId === projectId);
  const aggregate = computed.view.aggregate.projects.find((p) => p.projectId === projectId);
  if (!panel || !decided || !aggregate) throw new Error(`no project ${projectId} in the panel`);
  return buildPanelContext(db, sessionId, projectId, now, {
    ...bureauLetterOptions(db, sessionId, projectId),
    members: panel.members,
    aggregate,
    decision: { label: decided.conclusion.label, reason: decided.conclusion.reason },
    dissents: decided.dissents.map((d) => ({ expert: d.expert, reason: d.reason })),
    panelTexts: Object.fromEntries(listPanelTexts(db, sessionId, projectId).map((r) => [r.section, r.text])),
  });
}

/**
 * A session document's context (签到表, 回避承诺书) at `now`: the session, this machine's expert with their signature
 * line and accepted commitment; project, review, panel, pre-check and letter are null; `ranking` only when passed
 * (sessionRanking.ts), as the session's score summary needs it.
 */
export function buildSessionContext(
  db: ReadDb,
  sessionId: string,
  now: Date,
  opts: { signature?: SignatureInput; ranking?: TemplateContext['ranking'] } = {},
): TemplateContext {
  const session = sessionOrThrow(db, sessionId);
  const profile = sessionProfile(db, session);
  const expert = loadExpertProfile(db);
  const commitment = loadCommitment(db, sessionId);
  return {
    session: sessionPart(session, profile, {}),
    project: null,
    expert: expert && {
      name: expert.name,
      title: userText(expert.title),
      employer: userText(expert.employer),
      phone: userText(expert.phone),
    },
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
export function buildExpertContext(
  db: ReadDb,
  sessionId: string,
  projectId: string,
  now: Date,
  opts: ContextOptions & { signature?: SignatureInput } = {},
): TemplateContext {
  const member: SigningMember = { ...localPanelMember(db, sessionId, projectId), signature: opts.signature };
  const panel = buildPanelContext(db, sessionId, projectId, now, { ...opts, members: [member] });
  const own = buildSessionContext(db, sessionId, now, opts);
  return {
    ...panel,
    expert: own.expert,
    commitment: own.commitment,
    signatures: { ...panel.signatures, expert: [signature('评审专家', member.name, opts.signature)] },
  };
}
