// The data context read from a real imported sample (wulong-2027) with a saved review: project facts, 核减 as the scoring arithmetic computes it, dates, the profile's letter wording, the pre-check annex, and the panel's aggregates — and the built-in letter filled from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateProject, defaultAggregationRule, expertScoresFromReview } from '../../../electron/core/panel/aggregate';
import { buildExpertContext, buildPanelContext, buildSessionContext, defaultDocNumber } from '../../../electron/core/output/context';
import { sessionRanking } from '../../../electron/core/output/sessionRanking';
import { loadBuiltinTemplates } from '../../../electron/core/output/template/builtins';
import { fillTemplate } from '../../../electron/core/output/template/fill';
import { nestQuotes } from '../../../electron/core/output/typography';
import { reviewContext, reviewView } from '../../../electron/core/scoring/view';
import { fenToWan } from '../../../shared/money';
import { investmentReductions } from '../../../shared/reviewTotals';
import { formatBasisPoints } from '../../../shared/scoring';
import { sampleSession, type SampleSession } from '../sampleSession';
import { sessionOrThrow } from '../../../electron/core/context/session';
import { localPanelMember, type PanelMember } from '../../../electron/core/panel/members';

let s: SampleSession;
const now = new Date('2027-03-20T02:00:00Z');
const projectId = 'wl-2027-01';

beforeAll(async () => {
  s = await sampleSession({ complete: (id) => id !== 'wl-2027-03' });
}, 120_000);
afterAll(() => s?.close());

const textOf = (doc: ReturnType<typeof fillTemplate>) =>
  doc.blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return b.runs.map((r) => r.text).join('');
        case 'table':
          return b.rows.map((r) => r.map((c) => c.text).join('|')).join('\n');
        case 'attachments':
          return b.items.join('\n');
        case 'closing':
          return `${b.organiser}\n${b.date}`;
        case 'record':
          return [b.copyTo, b.printer, b.printedOn].join('\n');
        case 'signatures':
          return b.entries.map((e) => e.name).join(' ');
        case 'spacer':
        case 'pageBreak':
          return '';
        default:
          return b.text;
      }
    })
    .join('\n');

describe('expert context', () => {
  it('carries the project, the session and the 核减 the scoring arithmetic computes', () => {
    const ctx = buildExpertContext(s.store.db, s.sessionId, projectId, now);
    const session = sessionOrThrow(s.store.db, s.sessionId);
    const project = session.projects.find((p) => p.id === projectId)!;
    const view = reviewView(reviewContext(s.store.db, session, projectId));
    const expected = investmentReductions(
      project.budgetLines.map(({ id, name, amountFen }) => ({ id, name, amountFen })),
      view.review.investment,
    ).project;
    expect(expected.reductionFen).toBeGreaterThan(0);
    expect(ctx.project).toMatchObject({
      name: project.name,
      applicant: project.applicant,
      totalInvestment: fenToWan(project.totalInvestmentFen),
      period: '12个月',
      type: '扩建',
    });
    expect(ctx.review!.investment).toMatchObject({
      reduction: fenToWan(expected.reductionFen),
      approved: fenToWan(expected.approvedFen),
      rate: formatBasisPoints(expected.reductionRateBp!),
    });
    expect(ctx.review!.investment.reduced).toHaveLength(2);
    expect(ctx.review!.investment.reduced[0]!.reason).toBe('单价偏高，按市场价核定'); // user text made full-width
    // No letter is issued on an expert's machine: the 文号 has its serial left blank (发文登记 gives it when issued).
    expect(ctx.session).toMatchObject({
      date: '2027年3月18日',
      organiser: '武隆区发展和改革委员会',
      issuer: '重庆市武隆区大数据发展局',
      docNumber: '武数据评〔2027〕\u3000\u3000号',
      chair: '周建国',
    });
    expect(ctx.today).toBe('2027年3月20日');
    expect(ctx.review!.total).toBe(view.totals.total.toFixed(1)); // the form's one format: one decimal
    expect(ctx.review!.conclusion).toBe(view.suggestion.label);
    expect(ctx.review!.completedAt).toMatch(/^2027年3月\d+日$/);
    expect(ctx.expert).toMatchObject({ name: '周建国', title: '正高级工程师' });
    expect(ctx.commitment.expertName).toBe('周建国');
    // Unsigned: a blank line to sign by hand, no name printed on it and no date.
    expect(ctx.signatures.expert).toEqual([{ role: '评审专家', name: '', date: null, image: null }]);
    // The pre-check is attached only when the expert asks for it.
    expect(ctx.precheck).toBeNull();
    const withPrecheck = buildExpertContext(s.store.db, s.sessionId, projectId, now, { includePrecheck: true });
    expect(withPrecheck.precheck!.findings.length).toBeGreaterThan(0);
    for (const f of withPrecheck.precheck!.findings) expect(['符合', '不符合', '需专家判断']).toContain(f.status);
    expect(withPrecheck.precheck!.findings.some((f) => /密码|篇/.test(f.rule))).toBe(true);
    // A rule without a title of its own is named by what it checks, never by its id.
    for (const f of withPrecheck.precheck!.findings) expect(f.rule).not.toMatch(/[a-z]/);
  });

  it('fills the profile letter wording with no placeholder left', () => {
    const ctx = buildExpertContext(s.store.db, s.sessionId, projectId, now, { docNumber: '武发改评〔2027〕3号' });
    expect(ctx.session.docNumber).toBe('武发改评〔2027〕3号');
    expect(ctx.letter!.title).toBe(`关于“${ctx.project!.name}”的专家评议意见`);
    expect(ctx.letter!.opening).toContain('2027年3月18日');
    expect(ctx.letter!.opening).toContain(ctx.project!.applicant);
    for (const v of Object.values(ctx.letter!)) expect(v).not.toMatch(/[{}]/);
  });

  it('derives a 发文字号 from the issuing body', () => {
    expect(defaultDocNumber('武隆区发展和改革委员会', '2027', 3)).toBe('武发改评〔2027〕3号');
    expect(defaultDocNumber('重庆市武隆区大数据发展局', '2027', 1)).toBe('武数据评〔2027〕1号');
    expect(defaultDocNumber('东河区政务服务与数据管理局', '2028', 2)).toBe('东政服评〔2028〕2号');
  });
});

describe('panel context', () => {
  it('aggregates several members through panel/aggregate and lists every signature', () => {
    const local = localPanelMember(s.store.db, s.sessionId, projectId);
    expect(local.isChair).toBe(true); // 周建国 is the package's chair
    const other = (id: string, name: string, delta: number): PanelMember => {
      const dims = Object.fromEntries(
        Object.entries(local.view.review.dimensions).map(([d, r]) => [
          d,
          { ...r!, scores: Object.fromEntries(Object.entries(r!.scores).map(([c, v]) => [c, Math.max(0, (v ?? 0) - delta)])) },
        ]),
      );
      const review = { ...local.view.review, expertId: id, dimensions: dims, overallOpinion: `${name}:同意` };
      return { ...local, expertId: id, name, isChair: false, view: { ...local.view, review, totals: { ...local.view.totals } } };
    };
    const members = [local, other('e2', '陈晓梅', 0.5), other('e3', '刘志强', 1)];
    const ctx = buildPanelContext(s.store.db, s.sessionId, projectId, now, { members });
    const rubric = local.view.rubric.rubric;
    const session = sessionOrThrow(s.store.db, s.sessionId);
    const expected = aggregateProject(
      {
        projectId,
        name: ctx.project!.name,
        dimensions: rubric.dimensions.map(({ id, name, maxPoints }) => ({ id, name, maxPoints })),
        totalPoints: rubric.totalPoints,
        lines: session.projects[0]!.budgetLines.map(({ id, name, amountFen }) => ({ id, name, amountFen })),
        experts: members.map((m) => ({ ...expertScoresFromReview(m.view.review, rubric, m.name, 'approve'), expertId: m.expertId })),
      },
      defaultAggregationRule,
    );
    expect(ctx.panel!.total.mean).toBe(expected.total.mean!.text);
    expect(ctx.panel!.dimensions.map((d) => d.inForce)).toEqual(expected.dimensions.map((d) => d.inForce!.text));
    expect(ctx.panel!.investment.reduction).toBe(fenToWan(expected.reduction.reductionFen));
    expect(ctx.panel!.overallOpinions.map((o) => o.text)).toEqual(['项目建设必要，方案基本可行。', '陈晓梅：同意', '刘志强：同意']);
    // Nobody has signed on this machine: one blank line per member, by role, with no name pre-printed.
    expect(ctx.signatures.chair.map((e) => [e.role, e.name])).toEqual([['组长', '']]);
    expect(ctx.signatures.members.map((e) => [e.role, e.name])).toEqual([
      ['组员', ''],
      ['组员', ''],
    ]);
    // Scores in the panel's tables have the averages' two decimals; the total is the sum of the dimensions as printed.
    expect(ctx.panel!.experts[0]!.total).toMatch(/^\d+\.\d{2}$/);
    const parts = ctx.panel!.dimensions.map((d) => Number(d.mean));
    expect(Number(ctx.panel!.total.mean)).toBeCloseTo(
      parts.reduce((a, b) => a + b, 0),
      6,
    );
    expect(ctx.panel!.rounding).toBe('各项平均分四舍五入保留两位小数，总分为各项之和');
    // The same “同意” from two members and the chair's own sentence: a merged draft until the chair confirms it.
    expect(ctx.panel!.draft).toBe('草稿');
    expect(ctx.review).toBeNull();
  });

  it('fills the built-in letter: 信函格式 版头 with the docNumber, title, 空一行, numbered sections, 核减 in 万元, closing date', () => {
    const letter = loadBuiltinTemplates().find((t) => t.id === 'opinion-letter')!;
    const ctx = buildPanelContext(s.store.db, s.sessionId, projectId, now);
    const doc = fillTemplate(letter, ctx, { createdAt: now.toISOString(), author: '周建国' });
    const text = textOf(doc);
    expect(doc.page.letterhead).toEqual({ mark: '重庆市武隆区大数据发展局', docNumber: ctx.session.docNumber });
    expect(ctx.session.docNumber).toMatch(/^武数据评〔2027〕/);
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: nestQuotes(ctx.letter!.title) });
    expect(doc.blocks[1]).toEqual({ kind: 'spacer', lines: 1 });
    expect(doc.blocks[2]).toEqual({ kind: 'addressee', text: '武隆区发展和改革委员会：' });
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual([
      '一、项目基本情况',
      '二、评审意见',
      '三、投资审核意见',
      '四、评审结论',
    ]);
    expect(text).toContain(ctx.project!.name);
    expect(text).toContain(`核减 ${ctx.panel!.investment.reduction} 万元`);
    const attachments = doc.blocks.find((b) => b.kind === 'attachments');
    expect(attachments?.kind === 'attachments' && attachments.items.slice(0, 2)).toEqual(['1. 专家组评审意见', '2. 评分汇总表']);
    expect(doc.blocks.find((b) => b.kind === 'closing')).toMatchObject({
      kind: 'closing',
      organiser: '重庆市武隆区大数据发展局',
      seal: true,
    });
    expect(doc.page).toMatchObject({ grid: { lines: 22, chars: 28 }, pageNumbers: 'gbt9704' });
  });

  it('nests the quotation marks of a quoted name in a quoted title: “…‘一网通办’…”', () => {
    const letter = loadBuiltinTemplates().find((t) => t.id === 'opinion-letter')!;
    const session = sessionOrThrow(s.store.db, s.sessionId);
    const quoted = session.projects.find((p) => p.name.includes('“'))!;
    expect(quoted).toBeTruthy();
    const doc = fillTemplate(letter, buildPanelContext(s.store.db, s.sessionId, quoted.id, now), {
      createdAt: now.toISOString(),
      author: '周建国',
    });
    const title = doc.blocks[0]!.kind === 'title' ? doc.blocks[0]!.text : '';
    expect(title).toContain('‘一网通办’');
    expect(doc.meta.title).toContain('‘一网通办’');
    expect(textOf(doc)).not.toMatch(/“[^”‘’]*“/);
  });

  it('takes the letter’s 发文机关标志, 文号 prefix and 抄送 from the options, and prints the 版记 only with 抄送', () => {
    const letter = loadBuiltinTemplates().find((t) => t.id === 'opinion-letter')!;
    const ctx = buildPanelContext(s.store.db, s.sessionId, projectId, now, {
      issuerMark: '武隆区大数据发展局',
      docNumberPrefix: '武数发函',
      copyTo: ['武隆区财政局', '武隆区城市管理局。'],
    });
    expect(ctx.session).toMatchObject({ issuerMark: '武隆区大数据发展局', copyTo: '武隆区财政局，武隆区城市管理局。' });
    expect(ctx.session.docNumber).toMatch(/^武数发函〔2027〕/);
    const doc = fillTemplate(letter, ctx, { createdAt: now.toISOString(), author: '周建国' });
    expect(doc.page.letterhead).toEqual({ mark: '武隆区大数据发展局', docNumber: ctx.session.docNumber });
    expect(doc.blocks.at(-1)).toEqual({
      kind: 'record',
      copyTo: '武隆区财政局，武隆区城市管理局。',
      printer: '',
      printedOn: '',
      rules: false,
    });
    const plain = fillTemplate(letter, buildPanelContext(s.store.db, s.sessionId, projectId, now), {
      createdAt: now.toISOString(),
      author: '周建国',
    });
    expect(plain.blocks.some((b) => b.kind === 'record')).toBe(false);
  });

  it('every built-in template fills from the sample; an unfinished review fails by field name', () => {
    for (const t of loadBuiltinTemplates()) {
      const session = () =>
        buildSessionContext(s.store.db, s.sessionId, now, { ranking: sessionRanking(s.store.db, s.sessionId, now, '周建国') });
      const ctx =
        t.kind === 'session'
          ? session()
          : t.kind === 'panel'
            ? buildPanelContext(s.store.db, s.sessionId, projectId, now)
            : buildExpertContext(s.store.db, s.sessionId, projectId, now);
      const doc = fillTemplate(t, ctx, { createdAt: now.toISOString(), author: '周建国' });
      expect(doc.meta.templateId).toBe(t.id);
      expect(textOf(doc)).not.toMatch(/\{\{|\}\}/);
    }
    const form = loadBuiltinTemplates().find((t) => t.id === 'expert-opinion')!;
    const unfinished = buildExpertContext(s.store.db, s.sessionId, 'wl-2027-03', now);
    // Named as the 评分 form names it, never by the template's field path.
    expect(() => fillTemplate(form, unfinished, { createdAt: now.toISOString(), author: '周建国' })).toThrow(
      /^无法生成“专家个人评审意见表”：评审记录中还没有填写[^a-z.]+。请在“评分”中填写后再生成。$/,
    );
  });
});
