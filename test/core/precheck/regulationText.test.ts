// The regulation splitter on excerpts of the five real regulations (copied below line for line, untidiness included),
// and — where ../shared/regulations is present — on the whole texts, with article counts checked by hand.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseNumeral, splitRegulation } from '../../../electron/core/precheck/regulationText';
import { citablePlaces, placeCitation } from '../../../shared/regulation';

// 东河: title over its status line, spaced chapter titles, items as a Markdown list.
const donghe = `

东河区政务信息化项目建设管理办法

（试行）

第一章 总 则

第一条 以加强东河区政务信息化项目管理，促进政务信息系统互联互通、数据共享、业务协同，提高财政资金使用效益为目标，制定本办法。

第二条 本办法所称的东河区政务信息化项目，是指由政府投资建设或以采购服务的方式，用于直接支撑东河区管辖范围内政务部门履行管理和服职能的各类信息化项目。

第二章 规划和审批管理

第八条 政务信息化项目申报应当符合下列条件：

- （一）符合国家、自治区和包头市数字政府建设总体要求或东河区实际需求；
- （二）需求明确、技术先进、功能实用和安全可靠；
- （三）符合数据共享、业务协同和集约建设要求。

第九条 未纳入年度计划的项目，原则上不予审批。
`;

// 达拉特: full-width spaces in the chapter heading, two spaces after the number, a wrapped line, 第六条 and 第七条 missing.
const dalate = `达拉特旗数字城市建设项目管理办法
（征求意见稿）

第一章\u3000总\u3000 \u3000则

第一条  为进一步加强和规范数字城市建设项目的管理，提高财政性资金投资效率，结合实际，制定本办法。

第二章 规划和审批
第五条  旗直各部门每年向领导小组办公室提交下一年度项目计划。

依据《条例》
第十三条的相关规定，对于建设内容单一、投资规模较小的信息化项目可以简化评审程序。

第八条  可行性研究报告、初步设计方案应明确与政务云资源服务统一接入的技术路径和措施。
`;

// 朔城: the title over two lines with a blank between, letter-spaced.
const shuocheng = `朔州市朔城区政务信息化项目建设应用

管 理 办 法
第一章  总  则

第一条 为建立健全我区政务信息化项目建设应用统筹推进工作机制，制定本办法。
第二条 本办法所称政务信息化项目是指由政府投资建设的各类信息化项目。
`;

// 武隆: a cover letter above the title, 第十四条 twice, 第十一条 missing, items "- (一)", the annex listed then given.
const wulong = `重庆市武隆区人民政府办公室文件

武隆府办发〔2022〕47号

(此件公开发布)

武隆区政务信息化项目管理办法

第一章 总 则

第一条 为贯彻落实《国家政务信息化项目建设管理办法》要求，制定本办法。

第十条 区发展改革委同区财政局每年组织完成年度投资计划申报、编制工作。

第十二条 未纳入部门年度预算安排的项目，按程序办理。

第十四条 跨部门共建共享的政务信息化项目，由牵头部门会同参建部门共同开展跨部门工程框架设计。

第十四条 项目初步设计及概算（代可研）、项目可行性研究报告应当包括数据资源共享分析篇（章）。

第二十六条 项目投资规模未超出概（预）算批复、建设目标和内容不变，且有下列情形之一的，可调整建设内容：

- (一) 根据市委、市政府和区委、区政府工作安排，确需改变建设内容的；
- (二) 确需对原项目技术方案进行完善优化的；

第五章 附 则

第三十九条 本办法自印发之日起施行。

附件：武隆区政务信息化项目申报范围及边界

附件

武隆区政务信息化项目申报范围及边界

| 名称/分类 | 定义/范围 | |
| | 遥感设备。 | 纳入信息化经费。 |
`;

// 泰州: Arabic article numbers, a Word bookmark, "第5章", items (1)… switching to （二）.
const taizhou = `
泰州医药高新区（高港区）
区级政务信息化项目建设管理办法
（征求意见稿）

[bookmark: _GoBack]第一章  总  则

第1条\u3000 为进一步规范全区政务信息化项目建设管理，制定本办法。
第4条\u3000 区级政务信息化项目管理职责分工：
（1） 区数据局负责牵头编制区级政务信息化项目建设相关规划；
（二）区党政办公室负责涉密项目的归口申报预审等工作；
（三）区党工委（区委）网信办负责项目网络和数据安全审核工作；
第6条\u3000 按照“一部门一系统”原则，原则上不得单独开发移动端APP、微信小程序。
第7条\u3000 项目申报流程主要包括：
（1） 项目单位向区数据局提交项目计划申报表；
（2） 区数据局组织专家对申报项目的必要性、紧迫性、可行性、安全性、集约性及投资金额进行审核；

第5章  附  则

第24条\u3000 不属于本办法管理范围的项目：
（一）单独购置通用办公设备及维护项目；
（五）其他非政务信息化项目。
第25条\u3000 本办法自2025年x月x日起执行。
`;

describe('numerals', () => {
  it('reads and writes the numbers articles use', () => {
    expect(['一', '十', '十四', '二十', '三十二', '一百零五', '两', '6', '24'].map(parseNumeral)).toEqual([
      1, 10, 14, 20, 32, 105, 2, 6, 24,
    ]);
    expect(parseNumeral('第')).toBeNull();
    expect([1, 10, 14, 20, 32, 39, 100, 105, 110].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十四',
      '二十',
      '三十二',
      '三十九',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    for (let n = 1; n < 300; n++) expect(parseNumeral(chineseNumeral(n))).toBe(n);
  });
});

describe('splitRegulation on excerpts of the five regulations', () => {
  it('东河: title and status, chapters closed up, articles with their chapter, items of a Markdown list', () => {
    const o = splitRegulation(donghe);
    expect(o.title).toBe('东河区政务信息化项目建设管理办法');
    expect(o.status).toBe('（试行）');
    expect(o.chapters.map((c) => `${c.label} ${c.title}`)).toEqual(['第一章 总则', '第二章 规划和审批管理']);
    expect(o.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第八条', '第九条']);
    const eighth = o.articles[2];
    expect(eighth!.number).toBe(8);
    expect(eighth!.chapter).toBe('第二章 规划和审批管理');
    expect(eighth!.text.startsWith('政务信息化项目申报应当符合下列条件：')).toBe(true);
    expect(eighth!.items.map((i) => i.label)).toEqual(['（一）', '（二）', '（三）']);
    expect(eighth!.items[1]!.text).toBe('需求明确、技术先进、功能实用和安全可靠');
    // 第二条 → 第八条: the excerpt skips articles, and says so.
    expect(o.warnings).toEqual(['第二条之后是第八条（第 15 行），缺少第三条、第四条、第五条、第六条、第七条：请核对导入的文本是否完整。']);
  });

  it('达拉特: full-width spaces, a wrapped reference is not an article, the missing 第六条 and 第七条 reported', () => {
    const o = splitRegulation(dalate);
    expect(o.title).toBe('达拉特旗数字城市建设项目管理办法');
    expect(o.status).toBe('（征求意见稿）');
    expect(o.chapters.map((c) => c.title)).toEqual(['总则', '规划和审批']);
    expect(o.articles.map((a) => a.label)).toEqual(['第一条', '第五条', '第八条']);
    expect(o.articles[1]!.text).toContain('第十三条的相关规定');
    // The excerpt leaves out 第二条–第四条 as well; the text itself lacks only 第六条 and 第七条 (below).
    expect(o.warnings).toEqual([
      '第一条之后是第五条（第 9 行），缺少第二条、第三条、第四条：请核对导入的文本是否完整。',
      '第五条之后是第八条（第 14 行），缺少第六条、第七条：请核对导入的文本是否完整。',
    ]);
  });

  it('朔城: a title set over two lines and letter-spaced', () => {
    const o = splitRegulation(shuocheng);
    expect(o.title).toBe('朔州市朔城区政务信息化项目建设应用管理办法');
    expect(o.status).toBe('');
    expect(o.articles.map((a) => a.label)).toEqual(['第一条', '第二条']);
    expect(o.warnings).toEqual([]);
  });

  it('武隆: the cover letter is not the title, 第十四条 twice, items "(一)", one annex with its table', () => {
    const o = splitRegulation(wulong);
    expect(o.title).toBe('武隆区政务信息化项目管理办法');
    expect(o.articles.map((a) => a.label)).toEqual(['第一条', '第十条', '第十二条', '第十四条', '第十四条', '第二十六条', '第三十九条']);
    expect(new Set(o.articles.map((a) => a.key)).size).toBe(7);
    expect(o.articles[5]!.items.map((i) => i.label)).toEqual(['（一）', '（二）']);
    expect(o.articles[6]!.chapter).toBe('第五章 附则');
    expect(o.articles[6]!.text).toBe('本办法自印发之日起施行。');
    expect(o.annexes).toHaveLength(1);
    expect(o.annexes[0]).toMatchObject({ key: 'x1', label: '附件', title: '武隆区政务信息化项目申报范围及边界' });
    expect(o.annexes[0]!.text).toContain('遥感设备');
    expect(o.warnings).toContain('第十四条出现不止一次（第 17 行、第 19 行）：引用“第十四条”时请核对所指的是哪一条。');
  });

  it('泰州: Arabic numbers, a bookmark before 第一章, 第5章, items in both styles', () => {
    const o = splitRegulation(taizhou);
    expect(o.title).toBe('泰州医药高新区（高港区）区级政务信息化项目建设管理办法');
    expect(o.status).toBe('（征求意见稿）');
    expect(o.chapters.map((c) => `${c.label} ${c.title}`)).toEqual(['第一章 总则', '第5章 附则']);
    expect(o.articles.map((a) => a.label)).toEqual(['第1条', '第4条', '第6条', '第7条', '第24条', '第25条']);
    expect(o.articles[1]!.items.map((i) => i.label)).toEqual(['（1）', '（二）', '（三）']);
    expect(o.articles[3]!.items.map((i) => i.label)).toEqual(['（1）', '（2）']);
    expect(o.articles[3]!.items[1]!.text).toContain('必要性、紧迫性、可行性、安全性、集约性及投资金额');
    // （五） does not follow （一）: it is not taken as an item (a gap in a list is more likely text than numbering).
    expect(o.articles[4]!.items.map((i) => i.label)).toEqual(['（一）']);
    expect(o.articles[0]!.text).toBe('为进一步规范全区政务信息化项目建设管理，制定本办法。');
  });

  it('citations: "<citeAs> 第X条", with an item, and an annex by its title', () => {
    const o = splitRegulation(wulong);
    const citeAs = '武隆区政务信息化项目管理办法';
    expect(placeCitation(citeAs, { article: o.articles[5]!, item: o.articles[5]!.items[1] })).toBe(
      '武隆区政务信息化项目管理办法 第二十六条（二）',
    );
    expect(placeCitation(citeAs, { annex: o.annexes[0]! })).toBe('武隆区政务信息化项目管理办法 附件《武隆区政务信息化项目申报范围及边界》');
    const places = citablePlaces(o, citeAs);
    expect(places.map((p) => p.citation)).toContain('武隆区政务信息化项目管理办法 第十二条');
    expect(places).toHaveLength(7 + 2 + 1);
    const taizhouPlaces = citablePlaces(splitRegulation(taizhou), '泰州医药高新区（高港区）区级政务信息化项目建设管理办法');
    expect(taizhouPlaces.map((p) => p.citation)).toContain('泰州医药高新区（高港区）区级政务信息化项目建设管理办法 第7条（2）');
  });

  it('says when nothing looks like an article, and never throws on odd input', () => {
    expect(splitRegulation('这是一份会议通知。\n请各单位准时参加。').warnings).toEqual([
      '未识别出任何条款（行首形如“第一条”或“第1条”的编号）：请确认导入的是办法正文。',
    ]);
    expect(splitRegulation('').articles).toEqual([]);
    expect(() => splitRegulation('第条\n第〇条\n附件\n\n第一百条\r\n（一')).not.toThrow();
    // A sentence starting 附件 inside an article is not an annex.
    const o = splitRegulation('第一条 申报材料如下。\n附件材料应当真实有效。\n第二条 本办法自印发之日起施行。');
    expect(o.annexes).toEqual([]);
    expect(o.articles[0]!.text).toContain('附件材料应当真实有效');
  });
});

// The whole texts, where they sit beside the repository. Counted by hand from the texts (one heading per line):
// 东河 第一条–第三十二条, 6 章; 泰州 第1条–第25条, 5 章 (第5章 in Arabic); 武隆 第一条–第三十九条 without 第十一条 and
// with 第十四条 twice = 39 headings, 5 章, 1 附件; 达拉特 without 第六条/第七条 = 30, 4 章 (第三章 heading absent);
// 朔城 without 第五条 = 30, 6 章.
const textsDir = path.resolve(__dirname, '../../../../shared/regulations');
const files = {
  donghe: '000_f3dd34714b814b60.txt',
  dalate: '001_b1c1a7cdf67d2899.txt',
  shuocheng: '002_2600143c3cd54ee1.txt',
  wulong: '003_2036707db06e43c1.txt',
  taizhou: '004_cbdc4b492b224e91.txt',
};
describe.skipIf(!existsSync(textsDir))('splitRegulation on the five whole regulations', () => {
  const read = (f: string) => splitRegulation(readFileSync(path.join(textsDir, f), 'utf8'));

  it('东河: 32 articles in 6 chapters, numbered without a gap', () => {
    const o = read(files.donghe);
    expect(o.articles).toHaveLength(32);
    expect(o.articles.map((a) => a.number)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(o.articles[31]!.label).toBe('第三十二条');
    expect(o.chapters).toHaveLength(6);
    expect(o.warnings).toEqual([]);
    expect(o.articles.find((a) => a.label === '第八条')!.items.map((i) => i.label)).toEqual(['（一）', '（二）', '（三）']);
  });

  it('泰州: 25 articles in Arabic numerals, 5 chapters', () => {
    const o = read(files.taizhou);
    expect(o.title).toBe('泰州医药高新区（高港区）区级政务信息化项目建设管理办法');
    expect(o.articles.map((a) => a.label)).toEqual(Array.from({ length: 25 }, (_, i) => `第${i + 1}条`));
    expect(o.chapters.map((c) => c.label)).toEqual(['第一章', '第二章', '第三章', '第四章', '第5章']);
    expect(o.articles.find((a) => a.label === '第8条')!.items).toHaveLength(3);
    expect(o.articles.find((a) => a.label === '第24条')!.items).toHaveLength(5);
    expect(o.warnings).toEqual([]);
  });

  it('武隆: 39 headings, 第十四条 twice and 第十一条 missing, and the annex', () => {
    const o = read(files.wulong);
    expect(o.title).toBe('武隆区政务信息化项目管理办法');
    expect(o.articles).toHaveLength(39);
    expect(o.articles.filter((a) => a.label === '第十四条')).toHaveLength(2);
    expect(o.articles.some((a) => a.label === '第十一条')).toBe(false);
    expect(o.chapters).toHaveLength(5);
    expect(o.annexes.map((a) => a.title)).toEqual(['武隆区政务信息化项目申报范围及边界']);
    expect(o.warnings).toHaveLength(2);
  });

  it('达拉特 and 朔城: 30 articles each, the gaps reported', () => {
    const dalate = read(files.dalate);
    expect(dalate.articles).toHaveLength(30);
    expect(dalate.warnings).toEqual([
      '第二章之后是第四章（第 95 行），中间的章标题缺失：请核对导入的文本是否完整。',
      '第五条之后是第八条（第 47 行），缺少第六条、第七条：请核对导入的文本是否完整。',
    ]);
    const shuocheng = read(files.shuocheng);
    expect(shuocheng.title).toBe('朔州市朔城区政务信息化项目建设应用管理办法');
    expect(shuocheng.articles).toHaveLength(30);
    expect(shuocheng.warnings).toEqual(['第四条之后是第六条（第 27 行），缺少第五条：请核对导入的文本是否完整。']);
  });
});
