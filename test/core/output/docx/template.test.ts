// Lists and fills the bureau's own .docx templates, including split placeholders, and refuses hostile files clearly.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { fillDocxTemplate, listDocxPlaceholders } from '../../../../electron/core/output/docx/template';
import { letterheadTemplate, withParts, zipParts } from './templateFixture';
import { partText, unzipDocx } from './unzip';

const known = ['bureau.name', 'date', 'project.name', 'project.amount', 'expert.count'];
const values = { 'bureau.name': '某市大数据局', date: '2027年3月5日', 'project.name': '某某系统建设项目', 'project.amount': '500.00 万元' };

describe('listDocxPlaceholders', () => {
  it('finds placeholders in the body, a table, the header and the footer, also one split over three runs', async () => {
    const template = await letterheadTemplate();
    const doc = partText(await unzipDocx(template), 'word/document.xml');
    // The fixture really is split: "{{", "project." and "name}}" in three runs with proofErr and a bookmark between.
    expect(doc).not.toContain('{{project.name}}');
    expect(doc).toMatch(/<w:t[^>]*>\{\{<\/w:t><\/w:r><w:proofErr[^>]*\/><w:r>.*?project\.<\/w:t><\/w:r><w:bookmarkStart/);
    const { placeholders } = await listDocxPlaceholders(template);
    expect([...placeholders].sort()).toEqual(['bureau.name', 'date', 'expert.count', 'project.amount', 'project.name', 'unknown.thing']);
  });
});

describe('fillDocxTemplate', () => {
  it('fills known placeholders in the first run’s formatting and reports unknown and missing ones', async () => {
    const template = await letterheadTemplate();
    const result = await fillDocxTemplate(template, values, known, '红头模板.docx');
    expect(result.unknown).toEqual(['unknown.thing']);
    expect(result.missing).toEqual(['expert.count']);
    const { value: text } = await mammoth.extractRawText({ buffer: result.bytes });
    expect(text).toContain('项目名称：某某系统建设项目。');
    expect(text).toContain('500.00 万元');
    expect(text).toContain('{{expert.count}}');
    expect(text).toContain('{{unknown.thing}}');
    expect(text).not.toMatch(/\{\{project|name\}\}/);
    const parts = await unzipDocx(result.bytes);
    const doc = partText(parts, 'word/document.xml');
    // The value keeps the formatting of the run the placeholder started in ("{{" was red).
    expect(doc).toMatch(/<w:r><w:rPr><w:color w:val="C00000"\/><\/w:rPr><w:t[^>]*>某某系统建设项目<\/w:t><\/w:r>/);
    const headers = parts
      .filter((p) => p.name.startsWith('word/header'))
      .map((p) => p.data.toString('utf8'))
      .join('');
    const footers = parts
      .filter((p) => p.name.startsWith('word/footer'))
      .map((p) => p.data.toString('utf8'))
      .join('');
    expect(headers).toContain('某市大数据局');
    expect(footers).toContain('2027年3月5日');
    expect(footers).not.toContain('{{');
  });

  it('gives the same bytes for the same inputs and breaks lines of a multi-line value', async () => {
    const template = await letterheadTemplate();
    const a = await fillDocxTemplate(template, values, known);
    const b = await fillDocxTemplate(template, values, known);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const multi = await fillDocxTemplate(template, { ...values, 'project.name': '第一行\n第二行' }, known);
    const doc = partText(await unzipDocx(multi.bytes), 'word/document.xml');
    expect(doc).toMatch(/第一行<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>第二行/);
  });
});

describe('hostile templates', () => {
  const refuses = async (bytes: Uint8Array, message: RegExp) => {
    await expect(listDocxPlaceholders(bytes, '恶意.docx')).rejects.toThrow(message);
    await expect(fillDocxTemplate(bytes, values, known, '恶意.docx')).rejects.toThrow(message);
  };

  it('refuses a file that is not a zip', async () => {
    await refuses(Buffer.from('这不是压缩包'.repeat(50)), /模板文件“恶意\.docx”不是有效的 Word 文档/);
  });

  it('refuses a zip without word/document.xml', async () => {
    await refuses(await zipParts([['xl/workbook.xml', '<workbook/>']]), /“恶意\.docx”缺少 word\/document\.xml/);
  });

  it('refuses malformed XML, naming the part', async () => {
    const bad = await withParts(await letterheadTemplate(), {
      'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p></w:body></w:document>',
    });
    await refuses(bad, /“恶意\.docx”中的“word\/document\.xml”不是合法的 XML/);
  });

  it('refuses an unclosed "{{", quoting where it is', async () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const bad = await withParts(await letterheadTemplate(), {
      'word/document.xml': `<w:document ${w}><w:body><w:p><w:r><w:t>请填写{{project.name 的内容</w:t></w:r></w:p></w:body></w:document>`,
    });
    await refuses(bad, /正文有未闭合的占位符：“请填写\{\{project\.name 的内容”/);
  });

  it('refuses a file over 20 MB before unzipping it', async () => {
    await refuses(new Uint8Array(21 * 2 ** 20), /太大（21\.0 MB，上限 20 MB）/);
  });

  it('refuses entity-expansion XML (billion laughs) quickly, without expanding it', async () => {
    const entities = [
      '<!ENTITY lol0 "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
    ].join('');
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [${entities}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    const bad = await withParts(await letterheadTemplate(), { 'word/document.xml': laughs });
    const started = performance.now();
    const before = process.memoryUsage().heapUsed;
    await refuses(bad, /“word\/document\.xml”不是合法的 XML（含有 DTD 声明/);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 2 ** 20);
  });
});
