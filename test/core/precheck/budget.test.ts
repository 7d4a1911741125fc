// The budget-line classifier on the labelled set (precision/recall per verdict), its tricky cases, and the totals in integer fen.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetVerdicts } from '../../../shared/precheck';
import { budgetLineFixtures, writePrecheckFixtures } from '../../../scripts/make-precheck-fixtures';
import {
  budgetFinding,
  classifyBudgetLine,
  evaluateBudgetClassifier,
  summarizeBudget,
  UNMATCHED_REASON,
} from '../../../electron/core/precheck/budget';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import type { PrecheckProject } from '../../../electron/core/precheck/checks';

const wulong = loadProfile('wulong');
const taizhou = loadProfile('taizhou-gaogang');
const line = (name: string, category = '', note = '') => ({ id: name, name, category, note });

describe('the labelled set', () => {
  const labelled = budgetLineFixtures();

  it('has at least 60 lines, unique ids, every verdict and the five profiles', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    expect(new Set(labelled.map((l) => l.id)).size).toBe(labelled.length);
    for (const v of budgetVerdicts) expect(labelled.filter((l) => l.expected === v).length).toBeGreaterThanOrEqual(15);
    expect(new Set(labelled.map((l) => l.profile))).toEqual(new Set(['wulong', 'taizhou-gaogang', 'donghe', 'dalate', 'shuocheng']));
  });

  it('the script writes the same set as JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rd-precheck-fixtures-'));
    try {
      const file = await writePrecheckFixtures(dir);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(labelled);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is classified with accuracy ≥ 0.9 and precision and recall ≥ 0.85 per verdict', () => {
    const score = evaluateBudgetClassifier(labelled);
    const table = budgetVerdicts.map(
      (v) =>
        `${v}: P ${score.perVerdict[v].precision.toFixed(3)} R ${score.perVerdict[v].recall.toFixed(3)} (n=${score.perVerdict[v].support})`,
    );
    const errors = score.errors.map((e) => `${e.id} ${e.name}：应为 ${e.expected}，判为 ${e.actual}（${e.reason}）`);
    console.log(`预算明细分类：${score.total} 条，准确率 ${score.accuracy.toFixed(3)}\n  ${[...table, ...errors].join('\n  ')}`);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.9);
    for (const v of budgetVerdicts) {
      expect(score.perVerdict[v].precision).toBeGreaterThanOrEqual(0.85);
      expect(score.perVerdict[v].recall).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('the score reports what it got wrong', () => {
    const wrong = { ...labelled[0]!, id: 'x', name: '人员工资', category: '', expected: 'eligible' as const };
    const score = evaluateBudgetClassifier([labelled[0]!, wrong]);
    expect(score.accuracy).toBe(0.5);
    expect(score.errors).toEqual([expect.objectContaining({ id: 'x', expected: 'eligible', actual: 'ineligible' })]);
    expect(score.perVerdict.eligible.recall).toBe(0.5);
    expect(score.perVerdict.ineligible.precision).toBe(0);
  });
});

describe('tricky lines', () => {
  it('不纳入 wins over eligible words: 办公软件正版化 is not eligible although 软件 is', () => {
    const v = classifyBudgetLine(line('办公软件正版化', '软件'), wulong);
    expect(v).toMatchObject({ verdict: 'ineligible', citation: expect.stringContaining('武隆区政务信息化项目管理办法 附件') });
    expect(v.reason).toContain('办公软件正版化');
  });

  it('服务器 alone is to be evaluated; 云服务器 and 服务器密码机 are eligible', () => {
    expect(classifyBudgetLine(line('服务器', '硬件设备'), wulong).verdict).toBe('needs-evaluation');
    expect(classifyBudgetLine(line('云服务器租用'), wulong).verdict).toBe('eligible');
    expect(classifyBudgetLine(line('服务器密码机'), wulong).verdict).toBe('eligible');
  });

  it('a line matching nothing is to be evaluated, with the reason saying so', () => {
    expect(classifyBudgetLine(line('基本预备费', '预备费'), wulong)).toEqual({
      id: '基本预备费',
      verdict: 'needs-evaluation',
      reason: UNMATCHED_REASON,
      citation: '',
    });
  });

  it('the category decides when the name says nothing', () => {
    expect(classifyBudgetLine(line('需求调研', '差旅费'), wulong).verdict).toBe('ineligible');
  });

  it('the note is read only when name and category match nothing', () => {
    expect(classifyBudgetLine(line('驻场服务', '运维', '不含人员工资'), wulong).verdict).toBe('eligible');
    expect(classifyBudgetLine(line('其他费用', '', '人员工资'), wulong)).toMatchObject({
      verdict: 'ineligible',
      reason: expect.stringContaining('备注含'),
    });
  });

  it('full-width letters and spaces do not hide a keyword', () => {
    expect(classifyBudgetLine(line('ＳＳＬ ＶＰＮ 网关'), wulong).verdict).toBe('eligible');
    expect(classifyBudgetLine(line('人 员 工 资'), wulong).verdict).toBe('ineligible');
  });

  it('泰州 第24条: the same line differs by profile', () => {
    expect(classifyBudgetLine(line('办公电脑'), wulong).verdict).toBe('needs-evaluation');
    expect(classifyBudgetLine(line('办公电脑'), taizhou)).toMatchObject({
      verdict: 'ineligible',
      citation: expect.stringContaining('第24条（一）'),
    });
    expect(classifyBudgetLine(line('楼宇智能化系统'), wulong).verdict).toBe('eligible');
    expect(classifyBudgetLine(line('楼宇智能化系统'), taizhou).verdict).toBe('needs-evaluation');
  });
});

describe('totals in integer fen', () => {
  const lines = [
    { id: 'a', amountFen: 10_000_001 },
    { id: 'b', amountFen: 2_500_050 },
    { id: 'c', amountFen: 33 },
    { id: 'd', amountFen: 7 },
  ];
  const verdicts = [
    { id: 'a', verdict: 'eligible' as const, reason: '', citation: '' },
    { id: 'b', verdict: 'ineligible' as const, reason: '', citation: '' },
    { id: 'c', verdict: 'needs-evaluation' as const, reason: '', citation: '' },
  ];

  it('adds exactly, and a line without a verdict counts as to be evaluated', () => {
    expect(summarizeBudget(lines, verdicts)).toEqual({
      totalFen: 12_500_091,
      eligibleFen: 10_000_001,
      ineligibleFen: 2_500_050,
      needsEvaluationFen: 40,
    });
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => summarizeBudget([{ id: 'x', amountFen: 0.5 }], [])).toThrow(/不是整数分/);
  });
});

describe('the project-level budget finding', () => {
  const project = (names: [string, number][]): PrecheckProject => ({
    id: 'p',
    name: '测试项目',
    applicant: '区大数据局',
    type: 'new',
    totalInvestmentFen: 0,
    inAnnualPlan: true,
    fundingSource: '',
    summary: '',
    documents: [],
    budgetLines: names.map(([name, amountFen], i) => ({ id: `l${i}`, name, category: '', note: '', amountFen })),
  });

  it('passes when every line is eligible', () => {
    const f = budgetFinding(
      project([
        ['业务系统开发', 100_000_000],
        ['政务云资源租用', 5_000_000],
      ]),
      wulong,
    );
    expect(f).toMatchObject({ ruleId: 'wulong.budget.eligibility', status: 'pass' });
    expect(f.message).toContain('合计 105.00 万元');
  });

  it('fails with the ineligible total and names the lines', () => {
    const f = budgetFinding(
      project([
        ['业务系统开发', 100_000_000],
        ['人员工资', 12_345_600],
        ['差旅费', 100],
        ['服务器', 3_000_000],
      ]),
      wulong,
    );
    expect(f.status).toBe('fail');
    expect(f.message).toContain('2 项费用不纳入信息化经费，合计 12.35 万元（人员工资、差旅费）');
    expect(f.message).toContain('另有 1 项须经评估方可纳入，合计 3.00 万元');
    expect(f.evidence.map((e) => e.quote)).toEqual([
      expect.stringMatching(/^人员工资：12\.35 万元/),
      expect.stringMatching(/^差旅费/),
      expect.stringMatching(/^服务器/),
    ]);
    expect(f.citation).toContain('附件');
  });

  it('asks the expert when lines need evaluation, or when there are no lines', () => {
    expect(budgetFinding(project([['服务器', 1]]), wulong).status).toBe('judge');
    expect(budgetFinding(project([]), wulong)).toMatchObject({ status: 'judge', message: expect.stringContaining('没有预算明细') });
  });
});
