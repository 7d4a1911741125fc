// DOCX structure for the pre-check: Word's list numbers (numbering.xml, style-bound, restarts), heading levels, pages from rendered/typed/section breaks, title-box tables, and hostile XML.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseCounting, formatNumber } from '../../../electron/core/documents/docxNumbering';
import { docxLines } from '../../../electron/core/documents/docxParagraphs';
import { extractText } from '../../../electron/core/documents/text';
import { writeZip } from '../../../scripts/hostile/zip-writer';
import { tempDir } from '../../helpers/core';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const xml = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} ${W}>${body}</w:${root}>`;

/** A DOCX from the body XML of document.xml and optional numbering.xml / styles.xml bodies. */
async function docx(body: string, parts: { numbering?: string; styles?: string; raw?: string } = {}): Promise<string> {
  const file = path.join(tempDir(), 'test.docx');
  const entries = [{ name: 'word/document.xml', data: Buffer.from(parts.raw ?? xml('document', `<w:body>${body}</w:body>`)) }];
  if (parts.numbering) entries.push({ name: 'word/numbering.xml', data: Buffer.from(xml('numbering', parts.numbering)) });
  if (parts.styles) entries.push({ name: 'word/styles.xml', data: Buffer.from(xml('styles', parts.styles)) });
  await fs.writeFile(file, writeZip(entries));
  return file;
}

/** The body lines of a DOCX (its notes are tested in docxNotes.test.ts). */
const bodyOf = async (file: string) => (await docxLines(file)).body;

const p = (text: string, pPr = '', rPr = '') =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const headingStyles = [1, 2]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:rPr><w:b/></w:rPr></w:style>`)
  .join('');

describe('Word list numbers', () => {
  it('writes counters in Word formats: 中文计数, full-width, circled, letters, roman', () => {
    expect([1, 2, 10, 11, 20, 21, 100, 105, 110].map(chineseCounting)).toEqual([
      '一',
      '二',
      '十',
      '十一',
      '二十',
      '二十一',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(28, 'upperLetter')).toBe('AB');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatNumber(4, 'bullet')).toBe('');
  });

  it('numbers headings from numbering.xml: multi-level text, isLgl, a style-bound list, startOverride, numId 0', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '第%1章', '<w:pStyle w:val="Heading1"/><w:suff w:val="space"/>')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/><w:pStyle w:val="Heading2"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '（%1）', '<w:suff w:val="nothing"/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
    // Heading 1 carries the list itself (numbering defined with the style), as Chinese templates do.
    const styles = headingStyles.replace('<w:name w:val="heading 1"/>', `<w:name w:val="heading 1"/><w:pPr>${numPr(1)}</w:pPr>`);
    const body = [
      p('项目概况', '<w:pStyle w:val="Heading1"/>'),
      p('建设背景', `<w:pStyle w:val="Heading2"/>${numPr(1, 1)}`),
      p('建设目标', `<w:pStyle w:val="Heading2"/>${numPr(1, 1)}`),
      p('信息资源共享分析', '<w:pStyle w:val="Heading1"/>'),
      p('共享需求', `<w:pStyle w:val="Heading2"/>${numPr(1, 1)}`),
      p('列表一', `${numPr(2)}`),
      p('列表二', `${numPr(2)}`),
      p('另起的列表', `${numPr(3)}`),
      p('不编号的标题', `<w:pStyle w:val="Heading1"/>${numPr(0)}`),
    ].join('');
    const lines = await bodyOf(await docx(body, { numbering, styles }));
    expect(lines.map((l) => [l.text, l.level])).toEqual([
      ['第一章 项目概况', 1],
      ['1.1 建设背景', 2],
      ['1.2 建设目标', 2],
      ['第二章 信息资源共享分析', 1],
      ['2.1 共享需求', 2],
      ['（1）列表一', undefined],
      ['（2）列表二', undefined],
      ['（5）另起的列表', undefined],
      ['不编号的标题', 1],
    ]);
  });

  it('takes the level from outline levels and 标题 N style names, and emphasis from bold runs or a bold style', async () => {
    const styles =
      headingStyles +
      '<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 3"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/><w:basedOn w:val="Heading2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>';
    const body = [
      p('三级', '<w:pStyle w:val="a1"/>'),
      p('继承二级', '<w:pStyle w:val="Mine"/>'),
      p('大纲一级', '<w:outlineLvl w:val="0"/>'),
      p('加粗段落', '', '<w:b/>'),
      p('取消加粗', '', '<w:b w:val="0"/>'),
      p('正文', '<w:pStyle w:val="Body"/>'),
    ].join('');
    const lines = await bodyOf(await docx(body, { styles }));
    expect(lines.map((l) => [l.text, l.level, l.emphasised])).toEqual([
      ['三级', 3, true],
      ['继承二级', 2, true],
      ['大纲一级', 1, true],
      ['加粗段落', undefined, true],
      ['取消加粗', undefined, false],
      ['正文', undefined, false],
    ]);
  });
});

describe('DOCX emphasis by font', () => {
  it('sets apart a paragraph in another face than the body (黑体 over 宋体), not one in the body face or the default', async () => {
    const font = (name: string) => `<w:rFonts w:ascii="${name}" w:eastAsia="${name}"/>`;
    const body = [
      p('4　信息资源共享分析', '', font('黑体')),
      p('本项目依托区政务云平台和电子政务外网部署，不新建机房。', '', font('宋体')),
      p('12 个月内完成建设', '', font('宋体')),
      p('正文没有指定字体的段落，沿用样式的字体。'),
      p('系统建设内容包括统一受理、智能分拨、协同办理等功能模块。', '', font('宋体')),
    ].join('');
    // A paragraph naming no face is in the document default's (宋体 here), so it is body text too.
    const file = await docx(body, {
      styles: '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults>',
    });
    expect((await bodyOf(file)).map((l) => l.emphasised)).toEqual([true, false, false, false, false]);
    expect((await extractText(file, 'docx', 'd')).headings).toEqual([{ text: '4　信息资源共享分析', page: 1, level: 1 }]);
  });
});

describe('DOCX pages', () => {
  const pages = async (body: string, styles?: string) => (await bodyOf(await docx(body, { styles }))).map((l) => [l.text, l.page]);

  it('is one page when the file records no break', async () => {
    expect(await pages(p('甲') + p('乙'))).toEqual([
      ['甲', 1],
      ['乙', 1],
    ]);
  });

  it("follows Word's rendered page breaks, counting a typed break and the rendered one after it once", async () => {
    const body =
      p('封面') +
      '<w:p><w:r><w:t>第一页末尾</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>' +
      '<w:p><w:r><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>跨页段落前半</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>后半</w:t></w:r></w:p>' +
      p('第三页');
    expect(await pages(body)).toEqual([
      ['封面', 1],
      ['第一页末尾', 1],
      ['第二页', 2],
      ['跨页段落前半后半', 2],
      ['第三页', 3],
    ]);
  });

  it('breaks at 段前分页 (own or the style’s, none before the first text), section breaks except continuous ones', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="heading 1"/><w:pPr><w:pageBreakBefore/></w:pPr></w:style>';
    const body =
      p('第一章', '<w:pStyle w:val="Chapter"/>') +
      p('第二章', '<w:pStyle w:val="Chapter"/>') +
      p('节末', '<w:sectPr><w:type w:val="continuous"/></w:sectPr>') +
      p('连续节') +
      p('分节', '<w:sectPr/>') +
      p('新节') +
      p('段前分页', '<w:pageBreakBefore/>');
    expect(await pages(body, styles)).toEqual([
      ['第一章', 1],
      ['第二章', 2],
      ['节末', 2],
      ['连续节', 2],
      ['分节', 2],
      ['新节', 3],
      ['段前分页', 4],
    ]);
    const text = await extractText(await docx(body, { styles }), 'docx', 'd');
    expect(text.pages.map((pg) => pg.text)).toEqual(['第一章', '第二章\n节末\n连续节\n分节', '新节', '段前分页']);
    expect(text.headings).toEqual([
      { text: '第一章', page: 1, level: 1 },
      { text: '第二章', page: 2, level: 1 },
    ]);
  });
});

describe('DOCX tables', () => {
  const table = (rows: string[][]) =>
    `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

  it('reads a one-cell table as a title box (set apart like a heading) and other tables as tab-separated rows', async () => {
    const bold = (t: string) => p(t, '', '<w:b/>');
    const body = [
      bold('（一）概述'),
      bold('（二）背景'),
      bold('（三）目标'),
      table([['第三章 信息资源共享分析']]),
      table([
        ['项目名称', '智慧养老'],
        ['总投资', '1000万元'],
      ]),
    ].join('');
    const file = await docx(body);
    expect((await bodyOf(file)).slice(3).map((l) => [l.text, l.emphasised])).toEqual([
      ['第三章 信息资源共享分析', true],
      ['项目名称\t智慧养老', false],
      ['总投资\t1000万元', false],
    ]);
    // The document styles its headings (bold), so only emphasised lines count: the title box is one of them.
    expect((await extractText(file, 'docx', 'd')).headings.map((h) => h.text)).toContain('第三章 信息资源共享分析');
  });
});

describe('DOCX text', () => {
  it('reads a text box once (not its mc:Fallback copy), and neither deleted nor moved-from text', async () => {
    const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps">${box('文本框')}</mc:Choice><mc:Fallback>${box('文本框')}</mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>';
    expect((await bodyOf(await docx(body))).map((l) => l.text)).toEqual(['文本框', '保留移来']);
  });
});

describe('hostile DOCX structure', () => {
  it('refuses a DTD (no entity can expand), malformed XML, runaway nesting and a missing document.xml', async () => {
    const dtd = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body>${p('&b;')}</w:body></w:document>`;
    await expect(extractText(await docx('', { raw: dtd }), 'docx', 'd')).rejects.toThrow(/不是有效的 DOCX 文件.*DTD/);
    await expect(extractText(await docx(`${p('甲')}<w:p><w:r>`), 'docx', 'd')).rejects.toThrow('不是有效的 DOCX 文件');
    await expect(docxLines(await docx('<w:sdt>'.repeat(300) + '</w:sdt>'.repeat(300)))).rejects.toThrow(/嵌套超过 256 层/);
    const noBody = path.join(tempDir(), 'nobody.docx');
    await fs.writeFile(noBody, writeZip([{ name: 'word/styles.xml', data: Buffer.from(xml('styles', '')) }]));
    await expect(extractText(noBody, 'docx', 'd')).rejects.toThrow(/word\/document\.xml/);
  });

  it('refuses a truncated file and survives a numbering.xml with absurd levels, a basedOn cycle and unknown numIds', async () => {
    const good = await fs.readFile(await docx(p('甲')));
    const truncated = path.join(tempDir(), 'truncated.docx');
    await fs.writeFile(truncated, good.subarray(0, good.length - 30));
    await expect(extractText(truncated, 'docx', 'd')).rejects.toThrow('不是有效的 DOCX 文件');

    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="99999"/><w:lvl w:ilvl="-1"/>${lvl(0, 'decimal', '%9.%1')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const styles =
      '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="甲"/><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="乙"/><w:basedOn w:val="A"/></w:style>';
    const body = p('循环样式', '<w:pStyle w:val="A"/>') + p('未知列表', numPr(77)) + p('越界层级', numPr(1, 500));
    const lines = await bodyOf(await docx(body, { numbering, styles }));
    expect(lines.map((l) => l.text)).toEqual(['循环样式', '未知列表', '越界层级']);
  });
});
