// Chapter detection: numbering styles, synonyms, TOC against headings, body-text mentions; precision, recall and pages on the labelled set.
import { describe, expect, it } from 'vitest';
import type { DocumentText } from '../../../shared/precheck';
import { detectChapters } from '../../../electron/core/precheck/chapters';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { evaluateProject } from '../../../electron/core/precheck/report';
import { chapterFixtures, evaluateChapterDetection, requiredChapters, newProject } from '../../helpers/chapters';

/** A document from page texts; headings as the extractor would report them. */
const doc = (pages: string[], headings: DocumentText['headings'] = [], documentId = 'proposal'): DocumentText => ({
  documentId,
  pages: pages.map((text, i) => ({ page: i + 1, text })),
  headings,
});
const found = (texts: DocumentText[]) =>
  Object.fromEntries(
    detectChapters(texts, requiredChapters)
      .filter((m) => m.found)
      .map((m) => [m.chapterId, m.page]),
  );
const headingOnly = (text: string) => found([doc(['正文'], [{ text, page: 1 }])]);

describe('detectChapters: headings', () => {
  it.each([
    '第五章 数据资源共享分析',
    '第五章数据资源共享分析',
    '第 五 章　数据资源共享分析',
    '第五篇 数据资源共享分析篇',
    '五、数据资源共享分析',
    '五. 数据资源共享分析',
    '（五）数据资源共享分析',
    '(五) 数据资源共享分析',
    '5. 数据资源共享分析',
    '５．数据资源共享分析',
    '5、数据资源共享分析',
    '5.1 数据资源共享分析',
    '5.1.2 数据资源共享分析',
    '数 据 资 源 共 享 分 析',
    '数据资源共享分析篇（章）',
    '数据资源共享',
    '数据资源共享情况分析',
    '项目数据资源共享分析',
    '数据资源共享分析及目录编制',
  ])('finds the data-sharing chapter in %s', (heading) => {
    expect(headingOnly(heading)).toEqual({ 'data-sharing': 1 });
  });

  it('accepts the names the regulations use and light variants of the suffix', () => {
    expect(headingOnly('六、信息资源共享分析（含政务信息资源管理及编目）')).toEqual({ 'data-sharing': 1 });
    expect(headingOnly('第六章 网络安全保障措施')).toEqual({ 'network-security': 1 });
    expect(headingOnly('6.3 网络安全保护方案')).toEqual({ 'network-security': 1 });
    expect(headingOnly('第八章 集约化建设方案')).toEqual({ intensive: 1 });
    expect(headingOnly('4. 数据资源收集、治理与业务应用梳理')).toEqual({ 'data-governance': 1 });
    expect(headingOnly('第七章 网络安全与密码应用方案')).toEqual({ crypto: 1 });
  });

  it('does not take a heading that merely shares words with a chapter', () => {
    for (const heading of [
      '7.3 密码应用安全性评估',
      '5.1 共享需求分析',
      '3.1 设计原则',
      '第六章 网络安全',
      '数据资源目录',
      '集约化建设原则与要求说明书编制',
    ]) {
      expect(headingOnly(heading), heading).toEqual({});
    }
  });

  it('reports the first heading, and the document it is in', () => {
    const first = doc(['封面'], [{ text: '第一章 项目概况', page: 1 }], 'design');
    const second = doc(
      ['', '', ''],
      [
        { text: '第七章 密码应用方案', page: 3 },
        { text: '7.1 密码应用方案概述', page: 3 },
      ],
      'proposal',
    );
    expect(detectChapters([first, second], requiredChapters).find((m) => m.chapterId === 'crypto')).toEqual({
      chapterId: 'crypto',
      found: true,
      documentId: 'proposal',
      page: 3,
      heading: '第七章 密码应用方案',
    });
  });
});

describe('detectChapters: table of contents and body text', () => {
  const toc = ['封面', '目录\n第四章 数据资源共享分析 .......... 5\n第五章 密码应用方案 ·········· 7\n第六章 集约化建设 …… 9'];

  it('prefers the heading page to the page the TOC prints', () => {
    const pages = [...toc, ...Array<string>(7).fill('')];
    expect(found([doc(pages, [{ text: '第四章 数据资源共享分析', page: 8 }])])['data-sharing']).toBe(8);
  });

  it('maps a TOC-only chapter to its PDF page by the page-number footers', () => {
    const body = Array.from({ length: 12 }, (_, i) => `正文\n— ${i + 1} —`);
    expect(found([doc([...toc, ...body])])).toEqual({ 'data-sharing': 7, crypto: 9, intensive: 11 });
  });

  it('maps by the offset between TOC numbers and headings found elsewhere, else trusts the printed number, else the TOC page', () => {
    const pages = [...toc, ...Array<string>(11).fill('')];
    expect(found([doc(pages, [{ text: '第四章 数据资源共享分析', page: 8 }])])).toEqual({ 'data-sharing': 8, crypto: 10, intensive: 12 });
    expect(found([doc(pages)])).toEqual({ 'data-sharing': 5, crypto: 7, intensive: 9 });
    expect(found([doc(toc)])).toEqual({ 'data-sharing': 2, crypto: 2, intensive: 2 });
  });

  it('reads a Word TOC (title, tab, page) only in the run after 目录', () => {
    const docx = doc(['目录\n第一章 项目概况\t1\n第二章 密码应用方案\t4\n正文开始，本章说明项目概况。\n网络安全保护措施 3']);
    expect(found([docx])).toEqual({ crypto: 1 });
  });

  it('does not count a chapter named in a sentence or in a list line that is not a heading', () => {
    const body = doc(
      ['本项目密码应用方案另行编制，随本方案一并报送。\n（二）数据资源共享分析\n2．集约化建设\n网络安全保护措施详见第六章。'],
      [{ text: '第一章 项目概况', page: 1 }],
    );
    expect(found([body])).toEqual({});
  });

  it('reports every required chapter, found or not', () => {
    const matches = detectChapters([doc([''])], requiredChapters);
    expect(matches.map((m) => m.chapterId)).toEqual(requiredChapters.map((c) => c.id));
    expect(matches.every((m) => !m.found && m.page === undefined)).toBe(true);
  });
});

describe('a chapter submitted as a document of its own', () => {
  const proposal = doc(['正文'], [{ text: '第一章 项目概况', page: 1 }]);
  const companion = (title: string, chapterIds: string[] = []) => ({ documentId: 'extra', title, chapterIds });

  it('is met by a document titled with the chapter name, or of the kind the profile names for it, cited by its title', () => {
    const byTitle = detectChapters([proposal], requiredChapters, [companion('武隆区智慧养老服务平台建设项目密码应用方案')]);
    expect(byTitle.find((m) => m.chapterId === 'crypto')).toEqual({
      chapterId: 'crypto',
      found: true,
      documentId: 'extra',
      heading: '武隆区智慧养老服务平台建设项目密码应用方案',
      separate: true,
    });
    const byKind = detectChapters([proposal], requiredChapters, [companion('商用密码应用与安全性评估报告', ['crypto'])]);
    expect(byKind.filter((m) => m.found).map((m) => m.chapterId)).toEqual(['crypto']);
  });

  it('does not replace a chapter the proposal has, nor count a document that only shares words with it', () => {
    const withChapter = doc(['正文'], [{ text: '第七章 密码应用方案', page: 7 }]);
    expect(
      detectChapters([withChapter], requiredChapters, [companion('密码应用方案', ['crypto'])]).find((m) => m.chapterId === 'crypto'),
    ).toMatchObject({ documentId: 'proposal', page: 7 });
    expect(
      detectChapters([proposal], requiredChapters, [companion('密码应用方案专家评审意见'), companion('概算表')]).filter((m) => m.found),
    ).toEqual([]);
  });

  it('passes the 武隆 chapter check with a finding that names the file, not its id', () => {
    const profile = loadProfile('wulong');
    const project = newProject([
      { id: 'proposal', kind: 'proposal', title: '建设方案' },
      { id: 'crypto-file-01', kind: 'crypto-plan', title: '智慧养老服务平台密码应用方案' },
    ]);
    const { findings } = evaluateProject(project, [project], profile, [proposal], true);
    expect(findings.find((f) => f.ruleId === 'wulong.chapter.crypto')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('已作为单独文件《智慧养老服务平台密码应用方案》提交'),
      evidence: [{ documentId: 'crypto-file-01', documentTitle: '智慧养老服务平台密码应用方案' }],
    });
    expect(findings.find((f) => f.ruleId === 'wulong.chapter.data-sharing')?.status).toBe('fail');
  });
});

describe('detectChapters: labelled set', () => {
  it('has at least 12 PDF and DOCX proposals, with missing chapters', async () => {
    const { labels } = await chapterFixtures();
    expect(labels.documents.length).toBeGreaterThanOrEqual(12);
    expect(new Set(labels.documents.map((d) => d.kind))).toEqual(new Set(['pdf', 'docx']));
    expect(labels.documents.filter((d) => Object.keys(d.chapters).length < requiredChapters.length).length).toBeGreaterThanOrEqual(6);
  });

  it('reaches precision and recall of 0.9 with every page right', async () => {
    const { dir } = await chapterFixtures();
    const score = await evaluateChapterDetection(dir);
    expect(score.mistakes).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.pageAccuracy).toBe(1);
  });
});
