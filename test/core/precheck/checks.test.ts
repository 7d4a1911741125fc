// Every pre-check rule of every profile passes on a sound project and fails (or asks the expert) on a deficient one; negations; cross-project 集约性.
import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../shared/manifest';
import { isReferencePractice, referencePracticeNote, type ChapterMatch, type Finding, type FindingStatus } from '../../../shared/precheck';
import type { PatternFlag, Profile, RedFlag, RequiredDocumentRule } from '../../../shared/profile';
import {
  crossProjectFindings,
  runProjectChecks,
  textFromDocuments,
  textFromProject,
  type PrecheckProject,
  type TextSource,
} from '../../../electron/core/precheck/checks';
import { loadProfile, thresholdFen } from '../../../electron/core/precheck/profiles';

const profiles = jurisdictions.map((id) => loadProfile(id));

function project(overrides: Partial<PrecheckProject> = {}): PrecheckProject {
  return {
    id: 'p1',
    name: '区政务服务综合受理系统建设项目',
    applicant: '某区大数据发展局',
    type: 'new',
    totalInvestmentFen: 100_000_000,
    inAnnualPlan: true,
    fundingSource: '区级财政资金',
    summary: '',
    documents: [],
    budgetLines: [],
    ...overrides,
  };
}

/** Text as if extracted from page 7 of the proposal. */
const text = (...parts: string[]): TextSource[] => [{ documentId: 'd1', documentTitle: '建设方案', page: 7, text: parts.join('') }];

/** A sound proposal's words: government cloud, e-government extranet, 等保, 密码, data sharing — and nothing else. */
const CLEAN =
  '项目部署在政务云平台，通过电子政务外网访问，按网络安全等级保护第三级要求建设并开展等级保护测评，同步规划商用密码应用，数据通过共享交换平台与相关部门共享。';

/** For each pattern red flag (by id, in every profile), words that show the violation. A flag missing here fails the meta test. */
const violations: Record<string, { text?: string; applicant?: string }> = {
  'unapproved-construction': { text: '本项目已于2026年5月开工建设。' },
  'standalone-app': { text: '独立开发“掌上办”APP和微信小程序。' },
  'private-network': { text: '新建覆盖全区的城市感知业务专网。' },
  'no-government-cloud': { text: '系统部署在本单位自建机房。' },
  'no-data-sharing': { text: '业务数据由本项目自行采集，暂不与其他部门共享。' },
  'security-noncompliance': { text: '本系统不涉及密码应用，暂不开展等级保护测评。' },
  'should-merge': { text: '单独建设一套审批系统。' },
  outsourcing: { text: '系统建成后由本单位自建自管、自行运维。' },
  'extra-approvals': { text: '需新建机房并开展土建施工。' },
  'township-build': { applicant: '包头市东河区河东镇人民政府' },
};

/** Words that show each permitted exception (by exception id). */
const exceptionWords: Record<string, string> = {
  'integrated-portal': '相关功能集成至“渝快办”移动门户。',
  'required-by-law': '根据国家规定要求独立组网。',
  'merging-network': '原有业务专网整合迁移至政务外网。',
  classified: '本系统为涉密信息系统。',
  mandate: '根据市委明确要求建设，建设任务迫切。',
  emergency: '为应对自然灾害需要紧急建设。',
  'higher-funding': '项目资金全额由上级财政支持。',
  special: '因特殊情况需调整年度建设计划。',
};

function run(
  profile: Profile,
  p: PrecheckProject,
  projectText: TextSource[] = text(CLEAN),
  chapterMatches: ChapterMatch[] = [],
): Finding[] {
  return runProjectChecks({ project: p, profile, chapterMatches, projectText });
}

/** The status a rule gives: its own, except that a 参考做法 rule (本区办法未作规定) never fails or asks — it informs. */
const statusOf = (rule: { citation: string }, status: FindingStatus): FindingStatus =>
  isReferencePractice(rule.citation) && status !== 'pass' ? 'reference' : status;

function finding(findings: Finding[], ruleId: string): Finding {
  const f = findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`没有 ${ruleId} 的结论：${findings.map((x) => x.ruleId).join(', ')}`);
  return f;
}

const withChecks = <C extends RedFlag['check']>(check: C) =>
  profiles.flatMap((p) =>
    p.redFlags.filter((f): f is Extract<RedFlag, { check: C }> => f.check === check).map((f) => [p.id, p, f] as const),
  );

describe('every rule is tested', () => {
  it('every pattern red flag has violation words, every exception has its words, every check kind has a suite', () => {
    for (const [, , flag] of withChecks('patterns')) {
      expect(violations[flag.id], flag.id).toBeDefined();
      for (const e of flag.exceptions) expect(exceptionWords[e.id], e.id).toBeDefined();
    }
    for (const [, , flag] of withChecks('annual-plan')) for (const e of flag.exceptions) expect(exceptionWords[e.id], e.id).toBeDefined();
    const suites = new Set(['patterns', 'annual-plan', 'small-upgrade', 'free-maintenance', 'investment-approval']);
    for (const p of profiles) for (const f of p.redFlags) expect(suites.has(f.check), f.check).toBe(true);
  });
});

describe('required documents', () => {
  const cases = profiles.flatMap((p) => p.requiredDocuments.map((r) => [`${p.id}.docs.${r.id}`, p, r] as const));

  /** A project the rule applies to: its first type, on the rule's side of the investment threshold. */
  function subject(profile: Profile, rule: RequiredDocumentRule, documents: PrecheckProject['documents']): PrecheckProject {
    const limit = rule.investment ? thresholdFen(profile, rule.investment.threshold) : 0;
    const totalInvestmentFen = !rule.investment ? 100_000_000 : rule.investment.when === 'at-least' ? limit : limit - 1;
    return project({ type: rule.projectTypes[0], totalInvestmentFen, inAnnualPlan: false, documents });
  }

  it.each(cases)('%s passes when submitted', (ruleId, profile, rule) => {
    const f = finding(run(profile, subject(profile, rule, [{ id: 'd9', kind: rule.kinds[0]!, title: rule.title }])), ruleId);
    expect(f).toMatchObject({ status: 'pass', citation: rule.citation, evidence: [{ documentId: 'd9', documentTitle: rule.title }] });
  });

  it.each(cases)('%s fails when missing', (ruleId, profile, rule) => {
    const f = finding(run(profile, subject(profile, rule, [{ id: 'd0', kind: 'other', title: '情况说明' }])), ruleId);
    expect(f.status).toBe(statusOf(rule, rule.missingStatus));
    expect(f.message).toContain(`未提交${rule.title}`);
    expect(f.evidence[0]!.quote).toBe('已提交：《情况说明》');
  });

  it('does not apply to other project types, or on the other side of the threshold (武隆 第九条 3000万)', () => {
    const wulong = loadProfile('wulong');
    const small = run(wulong, project({ type: 'new', totalInvestmentFen: 2_999_999_999 })).map((f) => f.ruleId);
    expect(small).toContain('wulong.docs.preliminary-design');
    expect(small).not.toContain('wulong.docs.feasibility');
    const big = run(wulong, project({ type: 'new', totalInvestmentFen: 3_000_000_000 })).map((f) => f.ruleId);
    expect(big).toContain('wulong.docs.feasibility');
    expect(big).not.toContain('wulong.docs.preliminary-design');
    expect(run(wulong, project({ type: 'operation' })).map((f) => f.ruleId)).not.toContain('wulong.docs.crypto-plan');
    expect(run(wulong, project({ type: 'new' })).map((f) => f.ruleId)).not.toContain('wulong.docs.post-evaluation');
  });

  it('改扩建 without a 后评价报告 fails (武隆 第十四条)', () => {
    const f = finding(run(loadProfile('wulong'), project({ type: 'expansion' })), 'wulong.docs.post-evaluation');
    expect(f).toMatchObject({ status: 'fail', citation: '武隆区政务信息化项目管理办法 第十四条' });
  });

  it('a 密码应用方案 written as a chapter of the proposal meets 武隆 第十四条', () => {
    const chapter: ChapterMatch = { chapterId: 'crypto', found: true, documentId: 'd1', page: 41, heading: '第九章 密码应用方案' };
    const f = finding(
      run(loadProfile('wulong'), project({ documents: [{ id: 'd1', kind: 'proposal', title: '建设方案' }] }), text(CLEAN), [chapter]),
      'wulong.docs.crypto-plan',
    );
    expect(f).toMatchObject({ status: 'pass', evidence: [{ documentId: 'd1', page: 41, quote: '第九章 密码应用方案' }] });
  });

  it('朔城 第八条: a project already in the plan may go straight to the 可研 (missing 项目建议书 is for the expert)', () => {
    const shuocheng = loadProfile('shuocheng');
    expect(finding(run(shuocheng, project({ inAnnualPlan: true })), 'shuocheng.docs.proposal').status).toBe('judge');
    expect(finding(run(shuocheng, project({ inAnnualPlan: false })), 'shuocheng.docs.proposal').status).toBe('fail');
  });

  it('泰州 第7条（1）: 运维 and 购买服务 need the previous contract and a service requirements report', () => {
    const ids = run(loadProfile('taizhou-gaogang'), project({ type: 'service' }))
      .filter((f) => f.status === 'fail')
      .map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['taizhou-gaogang.docs.prior-contract', 'taizhou-gaogang.docs.service-requirements']));
  });
});

describe('required chapters', () => {
  const cases = profiles.flatMap((p) => p.requiredChapters.map((c) => [`${p.id}.chapter.${c.id}`, p, c] as const));
  const p = (types: string[]) =>
    project({ type: types[0] as PrecheckProject['type'], documents: [{ id: 'd1', kind: 'proposal', title: '建设方案' }] });

  it.each(cases)('%s passes when found, with document and page', (ruleId, profile, chapter) => {
    const heading = `第六章 ${chapter.synonyms[0]}`;
    const f = finding(
      run(profile, p(chapter.projectTypes), text(CLEAN), [{ chapterId: chapter.id, found: true, documentId: 'd1', page: 23, heading }]),
      ruleId,
    );
    expect(f).toMatchObject({ status: 'pass', evidence: [{ documentId: 'd1', documentTitle: '建设方案', page: 23, quote: heading }] });
    expect(f.message).toContain('第 23 页');
    if (chapter.opinionRequired) expect(f.message).toContain('评审意见须包括对该篇（章）的意见');
  });

  it.each(cases)('%s fails when not found', (ruleId, profile, chapter) => {
    const f = finding(run(profile, p(chapter.projectTypes), text(CLEAN), [{ chapterId: chapter.id, found: false }]), ruleId);
    expect(f.status).toBe(statusOf(chapter, chapter.missingStatus));
    expect(f.message).toContain(`未找到${chapter.title}`);
  });

  it.each(cases)('%s asks the expert when the text could not be read', (ruleId, profile, chapter) => {
    const f = finding(run(profile, p(chapter.projectTypes), text(CLEAN), []), ruleId);
    expect(f).toMatchObject({ status: statusOf(chapter, 'judge'), message: expect.stringContaining('未能读取申报文件的文本') });
  });
});

describe('red flags found in text', () => {
  const cases = withChecks('patterns').map(([id, p, f]) => [`${id}.red-flag.${f.id}`, p, f] as const);
  const subject = (flag: PatternFlag, applicant?: string) =>
    project({ type: flag.projectTypes?.[0] ?? 'new', ...(applicant ? { applicant } : {}) });

  it.each(cases)('%s passes on a sound proposal', (ruleId, profile, flag) => {
    const f = finding(run(profile, subject(flag)), ruleId);
    expect(f).toMatchObject({ status: 'pass', message: flag.passMessage, citation: flag.citation });
  });

  it.each(cases)('%s fails on its violation, quoting the page', (ruleId, profile, flag) => {
    const v = violations[flag.id];
    const f = finding(run(profile, subject(flag, v!.applicant), text(CLEAN, v!.text ?? '')), ruleId);
    expect(f.status).toBe(statusOf(flag, flag.status));
    expect(f.evidence.length).toBeGreaterThan(0);
    if (flag.scope === 'text') expect(f.evidence[0]).toMatchObject({ documentId: 'd1', documentTitle: '建设方案', page: 7 });
    else expect(f.evidence[0]).toMatchObject({ documentTitle: '项目建设单位', quote: v!.applicant });
  });

  const withExceptions = cases.flatMap(([ruleId, p, f]) => f.exceptions.map((e) => [`${ruleId} / ${e.id}`, ruleId, p, f, e] as const));
  it.each(withExceptions)('%s: a permitted exception turns it into a question for the expert', (_, ruleId, profile, flag, exception) => {
    const f = finding(run(profile, subject(flag), text(CLEAN, violations[flag.id]!.text ?? '', exceptionWords[exception.id]!)), ruleId);
    expect(f.status).toBe(statusOf(flag, 'judge'));
    expect(f.message).toContain(exception.title);
    expect(f.message).toContain(isReferencePractice(exception.citation) ? '参考做法' : exception.citation);
  });

  const withExpectations = cases.filter(([, , f]) => f.expect.length > 0);
  it.each(withExpectations)('%s asks the expert when the proposal says nothing on the matter', (ruleId, profile, flag) => {
    const f = finding(run(profile, subject(flag), text('本项目建设业务受理系统。')), ruleId);
    expect(f.status).toBe(statusOf(flag, 'judge'));
    expect(f.message).toContain(flag.expect[0]!.message);
  });

  it('without any text, a text red flag is for the expert', () => {
    const f = finding(run(loadProfile('national'), project(), []), 'national.red-flag.no-government-cloud');
    expect(f).toMatchObject({ status: 'judge', message: expect.stringContaining('没有可检索的项目文本') });
  });

  it('a mini-program alone, or an App across a PDF line break, is found', () => {
    const taizhou = loadProfile('taizhou-gaogang');
    const app = 'taizhou-gaogang.red-flag.standalone-app';
    expect(finding(run(taizhou, project(), text(CLEAN, '“掌上高港”微信小程序开发')), app).status).toBe('fail');
    expect(finding(run(taizhou, project(), text(CLEAN, '开发 移 动 端\nAPP 一 套')), app).status).toBe('fail');
    expect(finding(run(taizhou, project(), text(CLEAN, '对接 Application 接口')), app).status).toBe('pass');
  });

  it('where the regulation is silent (东河 on standalone APPs) the same words give 参考做法, never 不符合', () => {
    const f = finding(run(loadProfile('donghe'), project(), text(CLEAN, '“掌上东河”微信小程序开发')), 'donghe.red-flag.standalone-app');
    expect(f).toMatchObject({ status: 'reference', citation: '参考做法（本区办法未作规定）' });
    expect(f.message.startsWith(referencePracticeNote)).toBe(true);
    expect(f.message).toContain('本区办法未作规定');
  });

  it('a refusal to integrate is not the exception (“不接入蒙速办”)', () => {
    const f = finding(
      run(loadProfile('taizhou-gaogang'), project(), text(CLEAN, '独立开发APP，不接入“蒙速办”移动端。')),
      'taizhou-gaogang.red-flag.standalone-app',
    );
    expect(f.status).toBe('fail');
  });
});

describe('negated and rejected statements are not violations', () => {
  const national = loadProfile('national');
  const status = (ruleId: string, words: string, profile: Profile = national) =>
    finding(run(profile, project(), text(CLEAN, words)), `${profile.id}.red-flag.${ruleId}`).status;

  it.each([
    ['no-government-cloud', '本项目不新建机房，不采购服务器和存储设备。'],
    ['standalone-app', '移动端服务全部通过“渝快办”提供，不单独开发APP或小程序。'],
    ['private-network', '感知终端通过物联网卡接入政务云，不新建业务专网。'],
    ['no-data-sharing', '按照“一数一源”原则不再重复采集，减少重复采集。'],
    ['should-merge', '避免另行建设同类系统。'],
    ['extra-approvals', '本项目不涉及土建工程。'],
    ['no-government-cloud', '方案一：全面自建、自建机房，投资大，不推荐。'],
  ])('%s passes on “%s”', (ruleId, words) => {
    expect(status(ruleId, words)).toBe('pass');
  });

  it('a violation that is itself a negation still counts (“不涉及密码”, “系统暂不共享”)', () => {
    expect(status('security-noncompliance', '本系统不涉及密码应用。')).toBe('fail');
    expect(status('no-data-sharing', '本系统数据暂不对外共享。')).toBe('judge');
  });

  it('a chosen option is not a rejected one', () => {
    expect(status('no-government-cloud', '方案一：设备部署于中心自有机房，推荐。方案二：依托政务云，不推荐。')).toBe('fail');
  });
});

describe('not in the annual plan', () => {
  const cases = withChecks('annual-plan').map(([id, p, f]) => [`${id}.red-flag.${f.id}`, p, f] as const);

  it.each(cases)('%s passes when the project is in the plan', (ruleId, profile) => {
    expect(finding(run(profile, project({ inAnnualPlan: true })), ruleId).status).toBe('pass');
  });

  it.each(cases)('%s fails when it is not and no exception appears', (ruleId, profile, flag) => {
    const f = finding(run(profile, project({ inAnnualPlan: false })), ruleId);
    expect(f).toMatchObject({ status: statusOf(flag, flag.status), citation: flag.citation, evidence: [{ quote: '未纳入年度计划' }] });
  });

  const exceptions = cases.flatMap(([ruleId, p, f]) => f.exceptions.map((e) => [`${ruleId} / ${e.id}`, ruleId, p, f, e] as const));
  it.each(exceptions)('%s: an allowed exception makes it a question for the expert', (_, ruleId, profile, flag, exception) => {
    const f = finding(run(profile, project({ inAnnualPlan: false }), text(CLEAN, exceptionWords[exception.id]!)), ruleId);
    expect(f.status).toBe(statusOf(flag, 'judge'));
    expect(f.message).toContain(exception.title);
    expect(f.evidence.some((e) => e.page === 7)).toBe(true);
  });

  it('武隆 第十二条: 续建 and 运维 projects outside the plan follow a procedure (judge, not fail)', () => {
    const wulong = loadProfile('wulong');
    expect(finding(run(wulong, project({ type: 'continuation', inAnnualPlan: false })), 'wulong.red-flag.not-in-annual-plan').status).toBe(
      'judge',
    );
    expect(finding(run(wulong, project({ type: 'new', inAnnualPlan: false })), 'wulong.red-flag.not-in-annual-plan').status).toBe('fail');
  });

  it('朔城 第十一条: outside the plan needs 前置审查 and the district government (judge)', () => {
    expect(finding(run(loadProfile('shuocheng'), project({ inAnnualPlan: false })), 'shuocheng.red-flag.not-in-annual-plan').status).toBe(
      'judge',
    );
  });
});

describe('运维 classification of small upgrades (武隆 附件)', () => {
  const wulong = loadProfile('wulong');
  const rule = 'wulong.red-flag.small-upgrade';
  const devLine = { id: 'l1', name: '业务系统功能开发', category: '', note: '', amountFen: 40_000_000 };
  const boxLine = { id: 'l2', name: '存储设备', category: '', note: '', amountFen: 40_000_000 };

  it('passes at or above 50万 with development work', () => {
    const f = finding(
      run(
        wulong,
        project({ type: 'renovation', totalInvestmentFen: 50_000_000, budgetLines: [devLine] }),
        text(CLEAN, '对系统进行升级改造。'),
      ),
      rule,
    );
    expect(f.status).toBe('pass');
  });

  it('asks whether an upgrade below 50万 should be 运维', () => {
    const f = finding(
      run(
        wulong,
        project({ type: 'renovation', totalInvestmentFen: 49_999_999, budgetLines: [devLine] }),
        text(CLEAN, '对系统进行升级改造。'),
      ),
      rule,
    );
    expect(f).toMatchObject({ status: 'judge', evidence: [{ page: 7 }] });
    expect(f.message).toContain('低于 50.00 万元');
  });

  it('asks whether buying finished equipment only to replace or expand should be 运维', () => {
    const f = finding(
      run(
        wulong,
        project({ type: 'new', totalInvestmentFen: 200_000_000, budgetLines: [boxLine] }),
        text(CLEAN, '对原有存储设备进行扩容。'),
      ),
      rule,
    );
    expect(f.status).toBe('judge');
    expect(f.message).toContain('成品设备');
  });

  it('does not apply to a project already declared as 运维', () => {
    expect(run(wulong, project({ type: 'operation' })).map((f) => f.ruleId)).not.toContain(rule);
  });
});

describe('free maintenance period (泰州 第13条)', () => {
  const taizhou = loadProfile('taizhou-gaogang');
  const rule = 'taizhou-gaogang.red-flag.free-maintenance';
  const check = (words: string) => finding(run(taizhou, project(), text(CLEAN, words)), rule);

  it.each([['免费运维期为24个月。'], ['质保期三年。'], ['免费维护期：十二个月。']])('passes on “%s”', (words) => {
    expect(check(words)).toMatchObject({ status: 'pass', evidence: [{ page: 7 }] });
  });

  it('fails below 12 months, taking the shortest period stated', () => {
    const f = check('质保期3年，免费运维期6个月。');
    expect(f.status).toBe('fail');
    expect(f.message).toContain('6 个月，少于 12 个月');
    expect(f.evidence[0]!.quote).toBe('免费运维期6个月');
  });

  it('asks when no period is stated, and does not apply to 运维 projects', () => {
    expect(check('').status).toBe('judge');
    expect(run(taizhou, project({ type: 'operation' })).map((f) => f.ruleId)).not.toContain(rule);
  });
});

describe('立项 at the 发展改革委 from 50万 (泰州 第9条)', () => {
  const taizhou = loadProfile('taizhou-gaogang');
  const rule = 'taizhou-gaogang.red-flag.investment-approval';

  it('passes below 50万, or above it with the approval in the file', () => {
    expect(finding(run(taizhou, project({ totalInvestmentFen: 49_999_999 })), rule).status).toBe('pass');
    expect(
      finding(run(taizhou, project({ totalInvestmentFen: 50_000_000 }), text(CLEAN, '已取得区发展改革委立项批复。')), rule).status,
    ).toBe('pass');
  });

  it('asks for the approval from 50万 (inclusive)', () => {
    const f = finding(run(taizhou, project({ totalInvestmentFen: 50_000_000 })), rule);
    expect(f).toMatchObject({ status: 'judge', citation: '泰州医药高新区（高港区）区级政务信息化项目建设管理办法 第9条' });
  });
});

describe('across the projects of a session (集约性)', () => {
  const wulong = loadProfile('wulong');
  const line = (id: string, name: string, category = '') => ({ id, name, category, note: '', amountFen: 1_000_000 });
  const a = project({
    id: 'a',
    name: '区智慧城管指挥调度平台',
    summary: '建设城管指挥调度系统',
    budgetLines: [line('a1', '视频监控摄像头'), line('a2', '业务数据交换接口开发（首年）'), line('a3', '系统集成')],
  });
  const b = project({
    id: 'b',
    name: '区应急管理综合平台',
    summary: '建设应急指挥调度系统',
    budgetLines: [line('b1', '高清摄像头'), line('b2', '业务数据交换接口开发'), line('b3', '系统集成')],
  });
  const c = project({ id: 'c', name: '区档案数字化项目', summary: '馆藏档案数字化', budgetLines: [line('c1', '档案扫描加工')] });

  it('flags the same kind of system, the same purchases and overlapping lines, naming the other project', () => {
    const result = crossProjectFindings([a, b, c], wulong);
    const [system, purchase, overlap] = result.get('a')!;
    expect(system).toMatchObject({
      ruleId: 'wulong.cross-project.same-system',
      status: 'judge',
      citation: '武隆区政务信息化项目管理办法 第三十三条',
    });
    expect(system!.message).toContain('“区应急管理综合平台”');
    expect(system!.message).not.toContain('（b）');
    expect(system!.message).toContain('指挥调度');
    expect(purchase).toMatchObject({
      status: 'judge',
      evidence: [{ documentTitle: '区应急管理综合平台（预算明细）', quote: '高清摄像头' }],
    });
    expect(purchase!.message).toContain('摄像头和视频监控');
    expect(overlap!.status).toBe('judge');
    expect(overlap!.message).toContain('“业务数据交换接口开发（首年）”/“业务数据交换接口开发”');
    expect(overlap!.message).not.toContain('系统集成');
  });

  it('passes a project that shares nothing, and a session of one', () => {
    expect(
      crossProjectFindings([a, b, c], wulong)
        .get('c')!
        .map((f) => f.status),
    ).toEqual(['pass', 'pass', 'pass']);
    const alone = crossProjectFindings([a], wulong).get('a')!;
    expect(alone.map((f) => f.status)).toEqual(['pass', 'pass', 'pass']);
    expect(alone[0]!.message).toContain('只有这一个项目');
  });

  it('does not count a 服务器密码机 as a server purchase', () => {
    const x = project({ id: 'x', budgetLines: [line('x1', '服务器密码机')] });
    const y = project({ id: 'y', budgetLines: [line('y1', '数据库服务器')] });
    expect(crossProjectFindings([x, y], wulong).get('x')![1]!.status).toBe('pass');
  });
});

describe('text sources', () => {
  it('builds sources from the manifest and from extracted pages, so evidence can cite the page', () => {
    const p = project({
      summary: '开发APP。',
      documents: [{ id: 'd1', kind: 'proposal', title: '建设方案' }],
      budgetLines: [{ id: 'l', name: '服务器', category: '硬件', note: '自有机房', amountFen: 1 }],
    });
    expect(textFromProject(p)).toEqual([
      { documentTitle: '项目申报信息', text: '区政务服务综合受理系统建设项目。某区大数据发展局。区级财政资金。开发APP。' },
      { documentId: 'd1', documentTitle: '建设方案', text: '建设方案' },
      { documentTitle: '预算明细', text: '服务器，硬件，自有机房' },
    ]);
    const pages = textFromDocuments(
      [{ documentId: 'd1', pages: [{ page: 3, text: '部署于自有机房' }], headings: [] }],
      new Map([['d1', '建设方案']]),
    );
    const f = finding(run(loadProfile('national'), p, pages), 'national.red-flag.no-government-cloud');
    expect(f).toMatchObject({
      status: 'fail',
      evidence: [{ documentId: 'd1', documentTitle: '建设方案', page: 3, quote: '部署于自有机房' }],
    });
  });
});
