// Every jurisdiction profile loads and validates, covers what regulations.md §2–§6 assigns to it, cites real articles, and has a sound rubric.
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../shared/manifest';
import { isReferencePractice } from '../../../shared/precheck';
import { citationPartPattern, nationalDocumentCitationPattern, profileFileSchema, type Profile } from '../../../shared/profile';
import { classifyBudgetLine } from '../../../electron/core/precheck/budget';
import { defaultProfileDir, loadProfile, ProfileError, thresholdFen } from '../../../electron/core/precheck/profiles';

const districts = ['donghe', 'dalate', 'shuocheng', 'wulong', 'taizhou-gaogang'] as const;
type District = (typeof districts)[number];

/** Citation names of the five regulations (how every citation must begin). */
const citeAs: Record<District, string> = {
  donghe: '东河区政务信息化项目建设管理办法',
  dalate: '达拉特旗数字城市建设项目管理办法',
  shuocheng: '朔州市朔城区政务信息化项目建设应用管理办法',
  wulong: '武隆区政务信息化项目管理办法',
  'taizhou-gaogang': '泰州医药高新区（高港区）区级政务信息化项目建设管理办法',
};

// ── Coverage table, derived from ../shared/spec/regulations.md §2–§6 ─────────────────────────────────────────────
// [qualified rule id, article the citation must contain, value (thresholds) or opinionRequired (chapters)]
type Entry = [rule: string, article: string, extra?: number | boolean];

const coverage: Record<District, Entry[]> = {
  donghe: [
    // §2 东河 第十条; 第二十一条 安全可靠说明
    ['docs.proposal', '第十条'],
    ['docs.feasibility', '第十条'],
    ['docs.preliminary-design', '第十条'],
    ['docs.budget', '第十条'],
    ['chapter.secure-reliable', '第二十一条'],
    // §4 第十七条 15% / 5% / 200万; 第二十四条 self-evaluation 12–24
    ['threshold.content-change-percent', '第十七条', 15],
    ['threshold.new-content-percent', '第十七条', 5],
    ['threshold.new-content-amount', '第十七条', 2_000_000],
    ['threshold.self-evaluation-months', '第二十四条', 12],
    // §5 未批先建, not in plan 第九条; cloud 第十三条; township 第二十九条; approvals 第十二条
    ['red-flag.unapproved-construction', '第九条'],
    ['red-flag.not-in-annual-plan', '第九条'],
    ['red-flag.no-government-cloud', '第十三条'],
    ['red-flag.township-build', '第二十九条'],
    ['red-flag.extra-approvals', '第十二条'],
  ],
  dalate: [
    // §2 第五条 plan contents; 第十三条 安全可靠
    ['chapter.plan-basis', '第五条'],
    ['chapter.plan-schedule', '第五条'],
    ['chapter.plan-cloud', '第五条'],
    ['chapter.plan-network', '第五条'],
    ['chapter.plan-maintenance', '第五条'],
    ['docs.budget', '第八条'],
    ['chapter.secure-reliable', '第十三条'],
    // §3 第八条: unified access; opinions on 信息资源共享分析 and 网络安全保障措施
    ['chapter.unified-access', '第八条'],
    ['chapter.data-sharing', '第八条', true],
    ['chapter.network-security', '第八条', true],
    // §4 第二十条 10%; 第十七条; 第二十一条
    ['threshold.content-change-percent', '第二十条', 10],
    ['threshold.self-evaluation-months', '第十七条', 12],
    ['threshold.final-acceptance-months', '第二十一条', 6],
    // §5
    ['red-flag.unapproved-construction', '第八条'],
    ['red-flag.no-government-cloud', '第十四条'],
    ['red-flag.no-data-sharing', '第二十四条'],
    ['red-flag.security-noncompliance', '第二十四条'],
    ['red-flag.outsourcing', '第十五条'],
  ],
  shuocheng: [
    // §2 第八条 (a project in the plan may go straight to 可研: proposal is waived)
    ['docs.proposal', '第八条'],
    ['docs.feasibility', '第八条'],
    ['docs.preliminary-design', '第八条'],
    ['docs.resource-catalog', '第八条'],
    ['docs.budget', '第八条'],
    // §3 第九条 with opinion
    ['chapter.data-sharing', '第九条', true],
    // §4 第十六条 5 working days; 第二十条 6 months
    ['threshold.contract-filing-workdays', '第十六条', 5],
    ['threshold.final-acceptance-months', '第二十条', 6],
    // §5
    ['red-flag.unapproved-construction', '第八条'],
    ['red-flag.private-network', '第十一条'],
    ['red-flag.no-government-cloud', '第十二条'],
    ['red-flag.no-data-sharing', '第二十六条'],
    ['red-flag.should-merge', '第三条'],
  ],
  wulong: [
    // §2 第九条 3000万; 第十条 绩效目标表; 第十四条 后评价, 数据资源目录, 密码应用方案; 第十九条 安全可靠
    ['docs.preliminary-design', '第九条'],
    ['docs.feasibility', '第九条'],
    ['docs.performance-targets', '第十条'],
    ['docs.post-evaluation', '第十四条'],
    ['docs.resource-catalog', '第十四条'],
    ['docs.crypto-plan', '第十四条'],
    ['chapter.secure-reliable', '第十九条'],
    // §3 第十四条: five chapters, each with opinion
    ['chapter.data-governance', '第十四条', true],
    ['chapter.data-sharing', '第十四条', true],
    ['chapter.network-security', '第十四条', true],
    ['chapter.crypto', '第十四条', true],
    ['chapter.consolidation', '第十四条', true],
    // §4
    ['threshold.feasibility-investment', '第九条', 30_000_000],
    ['threshold.acceptance-investment', '第二十八条', 30_000_000],
    ['threshold.maintenance-upgrade-limit', '附件', 500_000],
    ['threshold.content-change-percent', '第二十六条', 15],
    ['threshold.self-evaluation-months', '第三十条', 12],
    ['threshold.final-acceptance-months', '第二十八条', 6],
    ['red-flag.small-upgrade', '附件'],
    // §5
    ['red-flag.no-government-cloud', '第二十条'],
    ['red-flag.no-data-sharing', '第三十一条'],
    ['red-flag.security-noncompliance', '第三十二条'],
    ['red-flag.should-merge', '第三十三条'],
    ['red-flag.outsourcing', '第二十一条'],
    ['red-flag.extra-approvals', '第十三条'],
  ],
  'taizhou-gaogang': [
    // §2 第7条(1)
    ['docs.proposal', '第7条'],
    ['docs.prior-contract', '第7条'],
    ['docs.service-requirements', '第7条'],
    // §3 第12条
    ['chapter.crypto', '第12条'],
    ['chapter.e-records', '第12条'],
    // §4 第9条 50万; 第13条 12 months, 10 working days; 第16条 6 months; 第21条 12 months
    ['threshold.project-approval-investment', '第9条', 500_000],
    ['red-flag.investment-approval', '第9条'],
    ['threshold.free-maintenance-months', '第13条', 12],
    ['red-flag.free-maintenance', '第13条'],
    ['threshold.contract-filing-workdays', '第13条', 10],
    ['threshold.serious-delay-months', '第16条', 6],
    ['threshold.not-started-months', '第16条', 6],
    ['threshold.self-evaluation-months', '第21条', 12],
    // §5 第8条 exceptions; 第6条 一部门一系统
    ['red-flag.not-in-annual-plan', '第8条'],
    ['red-flag.standalone-app', '第6条'],
  ],
};

/** §5: the red flags every profile carries (inherited from national when the district has no article of its own). */
const everyProfile = [
  'red-flag.not-in-annual-plan',
  'red-flag.unapproved-construction',
  'red-flag.standalone-app',
  'red-flag.private-network',
  'red-flag.no-government-cloud',
  'red-flag.no-data-sharing',
  'red-flag.security-noncompliance',
  'red-flag.should-merge',
];

/** §6: 武隆 附件 rows, as written there, and the verdict each carries. */
const wulongAnnex: Record<'eligible' | 'needs-evaluation' | 'ineligible', string[]> = {
  eligible: [
    '遥感设备',
    '传感器',
    '摄像头',
    'RFID',
    '专用数据采集终端',
    '备品备件',
    '运行维护专用工具',
    '服务台',
    '专用车辆',
    '政务外网',
    '政务内网',
    '互联网',
    '安全测评',
    '安全整改',
    '租用云服务',
    '政务基础数据',
    '政务主题数据',
    '标准规范编制',
    '等级保护测评',
    '系统测评',
    '履行政务职能业务系统',
    '办公自动化系统',
    '视频会议系统',
    '楼宇智能化系统',
    '人事系统',
    '财务系统',
    '公共服务网站',
    '虚拟化正版软件授权',
    '数据库正版软件授权',
  ],
  'needs-evaluation': [
    '手机终端',
    '其他感知设备',
    '电脑',
    '业务专网',
    '服务器存储',
    '安全咨询',
    '局域网络',
    '机房环境',
    '培训类系统电子课件',
    '数据采集',
    '数据加工处理',
  ],
  ineligible: [
    '办公耗材',
    '办公设施更换',
    '人员工资',
    '差旅费',
    '学习培训费',
    '会议室升级改造',
    '办公软件正版化',
    '电话线路',
    '门户网站推广宣传',
    '公众号内容更新维护',
    'app推广宣传',
  ],
};

/** §6: 泰州 第24条 items, by paragraph. */
const taizhouOutOfScope: Record<string, { items: string[]; verdict: 'ineligible' | 'needs-evaluation' }> = {
  '（一）': { items: ['电脑', '电视机', '电子显示屏', '打印机', '扫描仪', '复印机', '话筒', '音响'], verdict: 'ineligible' },
  '（二）': {
    items: ['自助查询机触摸屏', '快递柜', '仪器仪表', '通信基站', '通信台站', '电话', '对讲机', '无人机', '机器人'],
    verdict: 'ineligible',
  },
  '（三）': { items: ['办公软件', '杀毒软件', '操作系统'], verdict: 'ineligible' },
  '（四）': { items: ['楼宇智能化工程', '通信线路', '广播电影电视工程'], verdict: 'needs-evaluation' },
};

const load = (id: string) => loadProfile(id);

function ruleOf(p: Profile, qualified: string): { citation: string; value?: number; opinionRequired?: boolean } | undefined {
  const [section, id] = [qualified.slice(0, qualified.indexOf('.')), qualified.slice(qualified.indexOf('.') + 1)];
  const lists: Record<string, { id: string; citation: string }[]> = {
    docs: p.requiredDocuments,
    chapter: p.requiredChapters,
    threshold: p.thresholds,
    'red-flag': p.redFlags,
    budget: p.budgetRules,
    veto: p.rubric.vetoes,
  };
  return lists[section]?.find((r) => r.id === id);
}

/** Every `citation` anywhere in an object, with the path it was found at. */
function citations(value: unknown, at = ''): { at: string; citation: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, `${at}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      k === 'citation' && typeof v === 'string' ? [{ at, citation: v }] : citations(v, `${at}.${k}`),
    );
  }
  return [];
}

describe('loading', () => {
  it.each([...jurisdictions])('%s loads, validates and has every section filled', (id) => {
    const p = load(id);
    expect(p.id).toBe(id);
    expect(p.bodies.organiser.name).not.toBe('');
    expect(p.requiredDocuments.length).toBeGreaterThan(0);
    expect(p.requiredChapters.length).toBeGreaterThan(0);
    expect(p.thresholds.length).toBeGreaterThan(0);
    expect(p.redFlags.length).toBeGreaterThan(0);
    expect(p.budgetRules.length).toBeGreaterThan(30);
    expect(p.letter.salutation).toMatch(/：$/);
  });

  it('caches: the same object comes back', () => {
    expect(load('wulong')).toBe(load('wulong'));
  });

  it('district rules override the national rule of the same id in place; new district budget rules come first', () => {
    const national = load('national');
    const taizhou = load('taizhou-gaogang');
    expect(taizhou.budgetRules.slice(0, 3).map((r) => r.id)).toEqual([
      'terminal-software',
      'specialist-equipment',
      'building-intelligence',
    ]);
    const at = (p: Profile, id: string) =>
      p.budgetRules.findIndex((r) => r.id === id) - p.budgetRules.findIndex((r) => r.id === 'office-software-licensing');
    expect(at(taizhou, 'computer')).toBe(at(national, 'computer'));
    expect(taizhou.budgetRules.find((r) => r.id === 'computer')?.verdict).toBe('ineligible');
    expect(national.budgetRules.find((r) => r.id === 'computer')?.verdict).toBe('needs-evaluation');
  });

  it('`remove` drops inherited rules', () => {
    expect(load('wulong').requiredDocuments.map((d) => d.id)).not.toContain('proposal');
    const taizhou = load('taizhou-gaogang');
    expect(taizhou.requiredDocuments.map((d) => d.id)).not.toContain('budget');
    expect(taizhou.rubric.vetoes.map((v) => v.id)).not.toContain('no-data-sharing');
  });

  it('gives thresholds in yuan as integer fen', () => {
    expect(thresholdFen(load('wulong'), 'feasibility-investment')).toBe(3_000_000_000);
    expect(thresholdFen(load('taizhou-gaogang'), 'project-approval-investment')).toBe(50_000_000);
    expect(() => thresholdFen(load('wulong'), 'free-maintenance-months')).toThrow(ProfileError);
  });
});

describe('invalid profiles are refused with a Chinese message naming the file and the field', () => {
  const tempProfiles = (edit: (donghe: Record<string, unknown>) => void): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-profiles-'));
    copyFileSync(path.join(defaultProfileDir, 'national.json'), path.join(dir, 'national.json'));
    const donghe = JSON.parse(readFileSync(path.join(defaultProfileDir, 'donghe.json'), 'utf8'));
    edit(donghe);
    writeFileSync(path.join(dir, 'donghe.json'), JSON.stringify(donghe));
    return dir;
  };

  it('a citation without an article', () => {
    const dir = tempProfiles((p) => ((p.redFlags as { citation: string }[])[1]!.citation = '东河区政务信息化项目建设管理办法'));
    expect(() => loadProfile('donghe', dir)).toThrow(/donghe\.json[\s\S]*字段 redFlags\.1\.citation：引用应为/);
  });

  it('an invalid regular expression', () => {
    const dir = tempProfiles((p) => ((p.redFlags as { patterns: string[] }[])[1]!.patterns = ['(未闭合']));
    expect(() => loadProfile('donghe', dir)).toThrow(/字段 redFlags\.1\.patterns\.0：不是有效的正则表达式/);
  });

  it('a wrong type gets zod’s message in Chinese', () => {
    const dir = tempProfiles((p) => ((p.thresholds as { value: unknown }[])[0]!.value = '15%'));
    expect(() => loadProfile('donghe', dir)).toThrow(/字段 thresholds\.0\.value：无效输入/);
  });

  it('a veto naming a rule that does not exist, found after merging', () => {
    const dir = tempProfiles((p) => ((p.rubric as { vetoes: { rules: string[] }[] }).vetoes[0]!.rules = ['red-flag.no-such-rule']));
    expect(() => loadProfile('donghe', dir)).toThrow(
      /donghe\.json（合并 national\.json 后）[\s\S]*一票否决项引用了不存在的规则 red-flag\.no-such-rule/,
    );
  });

  it('sub-criteria that do not add up to the dimension', () => {
    const dir = tempProfiles(
      (p) => ((p.rubric as { dimensions: { subCriteria: { maxPoints: number }[] }[] }).dimensions[0]!.subCriteria[0]!.maxPoints = 1),
    );
    expect(() => loadProfile('donghe', dir)).toThrow(/子项分值合计/);
  });

  it('a missing file or broken JSON', () => {
    const dir = tempProfiles(() => undefined);
    expect(() => loadProfile('dalate', dir)).toThrow('辖区规则配置 dalate.json 文件不存在');
    writeFileSync(path.join(dir, 'donghe.json'), '{');
    expect(() => loadProfile('donghe', dir)).toThrow(/donghe\.json 不是有效的 JSON/);
  });
});

describe('coverage of regulations.md §2–§6', () => {
  describe.each(districts)('%s', (id) => {
    const p = load(id);
    it.each(coverage[id])('%s cites %s', (rule, article, extra) => {
      const r = ruleOf(p, rule);
      expect(r, `${id} 缺少规则 ${rule}`).toBeDefined();
      expect(r!.citation).toContain(`${citeAs[id]} ${article}`);
      if (typeof extra === 'number') expect(r!.value).toBe(extra);
      if (typeof extra === 'boolean') expect(r!.opinionRequired).toBe(extra);
    });

    it('carries every §5 red flag', () => {
      for (const rule of everyProfile) expect(ruleOf(p, rule), `${id} 缺少 ${rule}`).toBeDefined();
    });
  });

  it('朔城: a project already in the plan may skip the 项目建议书 (第八条)', () => {
    expect(load('shuocheng').requiredDocuments.find((d) => d.id === 'proposal')?.waivedWhenInPlan).toBe(true);
  });

  it('泰州 第8条: three exceptions to the annual plan, each cited', () => {
    const flag = load('taizhou-gaogang').redFlags.find((f) => f.id === 'not-in-annual-plan');
    expect(flag?.check === 'annual-plan' && flag.exceptions.map((e) => e.citation)).toEqual([
      `${citeAs['taizhou-gaogang']} 第8条（一）`,
      `${citeAs['taizhou-gaogang']} 第8条（二）`,
      `${citeAs['taizhou-gaogang']} 第8条（三）`,
    ]);
  });

  describe.each(Object.entries(wulongAnnex))('武隆 附件 %s rows', (verdict, items) => {
    it.each(items)('%s', (item) => {
      const v = classifyBudgetLine({ id: item, name: item }, load('wulong'));
      expect(v.verdict).toBe(verdict);
      expect(v.citation).toContain('武隆区政务信息化项目管理办法');
    });
  });

  describe.each(Object.entries(taizhouOutOfScope))('泰州 第24条%s', (paragraph, { items, verdict }) => {
    it.each(items)('%s', (item) => {
      const v = classifyBudgetLine({ id: item, name: item }, load('taizhou-gaogang'));
      expect(v.verdict).toBe(verdict);
      expect(v.citation).toContain(`第24条${paragraph}`);
    });
  });
});

describe('citations', () => {
  it.each(districts)('every rule of %s cites an article of its own regulation, or is 参考做法', (id) => {
    const all = citations(load(id));
    expect(all.length).toBeGreaterThan(50);
    for (const { at, citation } of all) {
      if (isReferencePractice(citation)) continue;
      for (const part of citation.split('；')) {
        expect(citationPartPattern.test(part), `${id}${at}: ${part}`).toBe(true);
        expect(part.startsWith(`${citeAs[id]} `), `${id}${at}: ${part}`).toBe(true);
      }
    }
  });

  it('every rule of national cites the national document by its 文号, or is 参考做法', () => {
    for (const { at, citation } of citations(load('national'))) {
      if (isReferencePractice(citation)) continue;
      for (const part of citation.split('；'))
        expect(
          nationalDocumentCitationPattern.test(part) && part.startsWith('国家政务信息化项目建设管理办法'),
          `national${at}: ${part}`,
        ).toBe(true);
    }
  });

  it.each(districts)('the rules written in %s.json cite its own regulation or 参考做法', (id) => {
    const file = profileFileSchema.parse(JSON.parse(readFileSync(path.join(defaultProfileDir, `${id}.json`), 'utf8')));
    for (const { at, citation } of citations(file)) {
      expect(
        isReferencePractice(citation) || citation.split('；').every((part) => part.startsWith(`${citeAs[id]} `)),
        `${id}${at}: ${citation}`,
      ).toBe(true);
    }
  });

  // The regulation texts live beside the repository (../shared/regulations); where they are present, every cited
  // article — and item, such as 第八条（三） — must exist in the text.
  const textsDir = path.resolve(__dirname, '../../../../shared/regulations');
  const files: Record<District, string> = {
    donghe: '000_f3dd34714b814b60.txt',
    dalate: '001_b1c1a7cdf67d2899.txt',
    shuocheng: '002_2600143c3cd54ee1.txt',
    wulong: '003_2036707db06e43c1.txt',
    'taizhou-gaogang': '004_cbdc4b492b224e91.txt',
  };
  it.skipIf(!existsSync(textsDir))('every cited article exists in the regulation text', () => {
    const parts = new Set(
      districts.flatMap((id) => citations(load(id)).flatMap((c) => (isReferencePractice(c.citation) ? [] : c.citation.split('；')))),
    );
    for (const part of parts) {
      const district = districts.find((d) => part.startsWith(`${citeAs[d]} `))!;
      const text = readFileSync(path.join(textsDir, files[district]), 'utf8');
      const [, article, item] = /^\S+ (第[^条]+条|附件)(（[^）]+）)?/.exec(part)!;
      if (article === '附件') {
        expect(text, part).toContain('附件');
        continue;
      }
      // The article's text runs from its heading to the next article's heading (武隆 has 第十四条 twice: either will do).
      const bodies = [
        ...text.matchAll(new RegExp(`(^|\\n|\\s)${article}[\\s　]([\\s\\S]*?)(?=\\n\\s*第[〇一二三四五六七八九十百\\d]+条[\\s　]|$)`, 'g')),
      ].map((m) => m[2]);
      expect(bodies.length, part).toBeGreaterThan(0);
      if (item) {
        const bare = item.slice(1, -1);
        expect(
          bodies.some((b) => b!.includes(`（${bare}）`) || b!.includes(`(${bare})`)),
          part,
        ).toBe(true);
      }
    }
  });
});

describe('rubric', () => {
  it.each([...jurisdictions])('%s: six dimensions, weights sum to 1, points add up to 100', (id) => {
    const r = load(id).rubric;
    expect(r.dimensions.map((d) => d.id)).toEqual(['necessity', 'urgency', 'feasibility', 'security', 'intensiveness', 'cost']);
    expect(r.totalPoints).toBe(100);
    expect(r.dimensions.reduce((s, d) => s + d.maxPoints, 0)).toBe(100);
    expect(r.dimensions.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 12);
    for (const d of r.dimensions) {
      expect(d.subCriteria.reduce((s, c) => s + c.maxPoints, 0)).toBe(d.maxPoints);
      expect(d.weight).toBeCloseTo(d.maxPoints / r.totalPoints, 12);
    }
    expect(r.bands.map((b) => b.label)).toEqual(['通过', '修改完善后通过', '不予通过']);
    expect(r.vetoConclusion).toBe('reject');
    expect(r.vetoes.length).toBeGreaterThan(1);
  });

  it('each district takes sub-criteria from its own articles', () => {
    const sub = (id: District, dim: string) => load(id).rubric.dimensions.find((d) => d.id === dim)!.subCriteria;
    expect(sub('wulong', 'necessity').map((c) => c.name)).toEqual([
      '建设依据充分性',
      '系统整合共建、数据共享协同计划或方案',
      '跨部门共性需求平衡',
      '数据资源治理共享',
    ]);
    expect(sub('wulong', 'necessity').every((c) => c.citation.includes('武隆区政务信息化项目管理办法 第八条'))).toBe(true);
    expect(sub('shuocheng', 'cost').find((c) => c.name === '绩效目标合理性')?.citation).toBe(`${citeAs.shuocheng} 第十一条`);
    expect(sub('donghe', 'necessity')[0]!.citation).toBe(`${citeAs.donghe} 第八条（一）`);
    expect(sub('taizhou-gaogang', 'urgency').map((c) => c.citation)).toContain(`${citeAs['taizhou-gaogang']} 第8条（一）`);
  });

  it('vetoes: 未批先建 and 未纳入年度计划 in every district, 密码应用方案 where it is mandatory (武隆 第十四条)', () => {
    for (const id of districts) {
      const ids = load(id).rubric.vetoes.map((v) => v.id);
      expect(ids).toContain('unapproved-construction');
      expect(ids).toContain('not-in-annual-plan');
    }
    expect(load('wulong').rubric.vetoes.find((v) => v.id === 'no-crypto-plan')).toMatchObject({
      rules: ['docs.crypto-plan'],
      citation: `${citeAs.wulong} 第十四条`,
    });
  });
});
