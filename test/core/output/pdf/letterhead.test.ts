// The letter in 信函格式 (GB/T 9704-2012 10.1) and the layout rules of practice, measured in the PDF: the red 版头 in
// pixels (pdftoppm), the 发文机关标志, 发文字号, title, 主送 and page numbers from pdf.js text positions, title lines broken
// between words, and the 署名 never alone on a page.
import { beforeAll, describe, expect, it } from 'vitest';
import { titleLines } from '../../../../electron/core/output/layout';
import { letterheadMm, type Block, type RenderDoc } from '../../../../electron/core/output/model';
import { renderDocx } from '../../../../electron/core/output/docx/render';
import { renderPdf } from '../../../../electron/core/output/pdf/render';
import { textWidth } from '../../../../electron/core/output/pdf/text';
import { unzipDocx, partText } from '../docx/unzip';
import { lines, readPdf, type PdfRead, type TextLine } from './pdfText';
import { dashStroke, inkIn, redPixels, redRules, renderPage, type Rendered } from './pixels';

const mm = (pt: number) => (pt * 25.4) / 72;
const pt = (v: number) => (v * 72) / 25.4;
const strip = (s: string) => s.replace(/\s+/g, '');
/** The ideographic em box's top above the baseline (Noto Serif SC / Sans SC: OS/2 typo ascender 880/1000). */
const ascent = 0.88;
const pitchMm = 225 / 22;

const mark = '重庆市武隆区大数据发展局';
const docNumber = '武数据评〔2027〕1号';
const title = '关于“武隆区政务服务‘一网通办’综合受理系统建设项目”的专家评议意见';
const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], align: 'justify', firstLineIndentChars: 2, size: 'body' });
/** 80 characters: three lines of the 28-character grid with the two-character indent. */
const threeLines =
  '专家组认为该项目建设内容基本符合全市数字政府建设总体规划，建设目标明确，技术路线可行，但部分建设内容与已建系统存在重复，投资估算依据不够充分，需要进一步修改完善后再报审批。';

function letter(body: Block[], tail: Block[] = [{ kind: 'closing', organiser: mark, date: '2027年3月20日', seal: true }]): RenderDoc {
  return {
    meta: { title, templateId: 'opinion-letter', templateVersion: 1, author: mark, createdAt: '2027-03-20T09:00:00+08:00' },
    page: {
      orientation: 'portrait',
      marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
      grid: { lines: 22, chars: 28 },
      pageNumbers: 'gbt9704',
      header: '',
      letterhead: { mark, docNumber },
    },
    blocks: [
      { kind: 'title', text: title },
      { kind: 'spacer', lines: 1 },
      { kind: 'addressee', text: '武隆区发展和改革委员会：' },
      ...body,
      ...tail,
    ],
  };
}

const find = (read: PdfRead, page: number, text: string): TextLine | undefined =>
  lines(read.pages[page - 1]!).find((l) => strip(l.text).includes(strip(text)));

describe('the letter in 信函格式', () => {
  let bytes: Buffer;
  let read: PdfRead;
  let page1: Rendered;
  let page2: Rendered;
  beforeAll(async () => {
    bytes = await renderPdf(letter(Array.from({ length: 12 }, () => p(threeLines))));
    read = await readPdf(bytes);
    page1 = renderPage(bytes, 1, 150);
    page2 = renderPage(bytes, 2, 150);
  });

  it('has the 发文机关标志 in red, centred over the 版心, its top 30 mm from the page top', () => {
    const line = find(read, 1, mark)!;
    expect(line).toBeTruthy();
    expect(Math.abs(mm(line.baseline - ascent * line.size) - 30)).toBeLessThan(0.3);
    expect(Math.abs((mm(line.left) + mm(line.right)) / 2 - (28 + 156 / 2))).toBeLessThan(0.5);
    // Red pixels in the 版头 (the mark and the first double line), none on page 2.
    const top = redPixels(page1, 28, 48);
    expect(top).toBeGreaterThan(5000);
    expect(redPixels(page2, 0, 297)).toBe(0);
  });

  it('draws the red double lines: thick over thin 4 mm under the mark, thin over thick 20 mm above the lower edge, 170 mm long', () => {
    const markLine = find(read, 1, mark)!;
    const markBottom = mm(markLine.baseline - ascent * markLine.size) + mm(markLine.size);
    const strokes = (rows: { y: number; left: number; right: number }[]) => {
      const out: { top: number; bottom: number; left: number; right: number }[] = [];
      for (const r of rows) {
        const last = out.at(-1);
        if (last && r.y - last.bottom < 0.3) last.bottom = r.y;
        else out.push({ top: r.y, bottom: r.y, left: r.left, right: r.right });
      }
      return out;
    };
    const upper = strokes(redRules(page1, markBottom + 1, markBottom + 8, 150));
    expect(upper).toHaveLength(2);
    expect(Math.abs(upper[0]!.top - (markBottom + letterheadMm.lineGap))).toBeLessThan(0.4);
    expect(upper[0]!.bottom - upper[0]!.top).toBeGreaterThan(upper[1]!.bottom - upper[1]!.top);
    const lower = strokes(redRules(page1, 270, 297, 150));
    expect(lower).toHaveLength(2);
    expect(lower[1]!.bottom - lower[1]!.top).toBeGreaterThan(lower[0]!.bottom - lower[0]!.top);
    expect(Math.abs(lower[1]!.bottom - (297 - 20))).toBeLessThan(0.4);
    for (const s of [...upper, ...lower]) {
      expect(Math.abs(s.right - s.left - 170)).toBeLessThan(0.5);
      expect(Math.abs((s.left + s.right) / 2 - (28 + 156 / 2))).toBeLessThan(0.5);
    }
  });

  it('puts the 发文字号 flush with the 版心 right edge, 7/8 of a 3号 character under the red line', () => {
    const number = find(read, 1, docNumber)!;
    expect(number).toBeTruthy();
    expect(Math.abs(mm(number.right) - (210 - 26))).toBeLessThan(0.3);
    const lineBottom = redRules(page1, 30, 50, 150).at(-1)!.y;
    const numberTop = mm(number.baseline - ascent * number.size);
    expect(Math.abs(numberTop - lineBottom - mm((7 / 8) * 16))).toBeLessThan(0.4);
  });

  it('sets the title in 2号 two lines under the 发文字号, broken between words in a 梯形, and 主送 one blank line under it', () => {
    const number = find(read, 1, docNumber)!;
    const titleLines_ = lines(read.pages[0]!).filter((l) => Math.abs(l.size - 22) < 0.01);
    expect(titleLines_.map((l) => strip(l.text))).toEqual(['关于“武隆区政务服务‘一网通办’综合', '受理系统建设项目”的专家评议意见']);
    const [first, second] = titleLines_.map((l) => [...strip(l.text)].length);
    expect(first).toBeGreaterThanOrEqual(second!);
    const top = (l: TextLine) => mm(l.baseline - ascent * l.size);
    expect(Math.abs(top(titleLines_[0]!) - top(number) - 2 * pitchMm)).toBeLessThan(0.3);
    expect(Math.abs(top(titleLines_[1]!) - top(titleLines_[0]!) - pitchMm)).toBeLessThan(0.3);
    const addressee = find(read, 1, '武隆区发展和改革委员会：')!;
    expect(Math.abs(top(addressee) - top(titleLines_[1]!) - 2 * pitchMm)).toBeLessThan(0.3);
  });

  it('prints no page number on page 1 and "— 2 —" with its 一字线 7 mm under the 版心 on page 2', () => {
    expect(lines(read.pages[0]!).some((l) => /^—\d+—$/.test(strip(l.text)))).toBe(false);
    expect(dashStroke(page1, 262)).toBeNull();
    expect(inkIn(page1, 263, 276)).toBe(false);
    expect(lines(read.pages[1]!).some((l) => strip(l.text) === '—2—')).toBe(true);
    const dash = dashStroke(page2, 262)!;
    expect(Math.abs(dash.top - (262 + 7))).toBeLessThan(0.3);
  });
});

describe('title lines (GB/T 9704 7.3.1)', () => {
  const size = 22;
  const width = (s: string) => textWidth(s, 'xiaobiaosong', size);
  const boundaries = (parts: string[]) => parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('').length);

  it('never breaks inside a word or a quoted name', () => {
    const text = '关于武隆区“一网通办”平台升级项目专家组评审意见的函';
    for (const limit of [pt(156), pt(120), pt(100), pt(80)]) {
      const parts = titleLines(text, width, limit);
      expect(parts.join('')).toBe(text);
      for (const part of parts) expect(width(part)).toBeLessThanOrEqual(limit + 0.01);
      for (const at of boundaries(parts)) {
        const around = text.slice(at - 1, at + 1);
        expect(around, `break ${parts.join(' / ')}`).not.toBe('专家');
        expect(at <= text.indexOf('“') || at > text.indexOf('”'), `break inside the quoted name: ${parts.join(' / ')}`).toBe(true);
      }
    }
  });

  it('balances the lines, the longer above (梯形), and keeps a short title on one line', () => {
    expect(titleLines('关于智慧城管项目的评审意见', width, pt(156))).toEqual(['关于智慧城管项目的评审意见']);
    const parts = titleLines('关于“武隆区城乡供水安全智慧监管平台建设项目”的专家评议意见', width, pt(156));
    expect(parts).toHaveLength(2);
    const [a, b] = parts.map((s) => [...s].length);
    expect(a!).toBeGreaterThanOrEqual(b!);
    expect(a! - b!).toBeLessThanOrEqual(6);
  });
});

describe('the 署名 never stands alone on a page', () => {
  /** Body lines (3号, above the 署名) on the page holding the 署名, and whether that page says （此页无正文）. */
  async function closingPage(doc: RenderDoc): Promise<{ bodyAbove: number; notice: boolean; page: number }> {
    const read = await readPdf(await renderPdf(doc));
    const page = read.pages.findIndex((pg) => lines(pg).some((l) => strip(l.text) === '2027年3月20日'));
    const all = lines(read.pages[page]!);
    const org = all.findIndex((l) => strip(l.text) === mark);
    const above = all.slice(0, org).filter((l) => Math.abs(l.size - 16) < 0.01 && strip(l.text) !== '（此页无正文）');
    return { bodyAbove: above.length, notice: all.some((l) => strip(l.text) === '（此页无正文）'), page };
  }

  it('keeps at least two body lines with the 署名 whatever the body length, moving lines to the next page', async () => {
    const moved: number[] = [];
    // One-line paragraphs: the body's end passes every line of pages 1 and 2.
    for (let n = 14; n <= 40; n++) {
      const doc = letter(Array.from({ length: n }, (_, i) => p(`第${i + 1}项意见：建设内容基本符合规划要求。`)));
      const { bodyAbove, notice } = await closingPage(doc);
      expect(bodyAbove >= 2 || notice, `${n} paragraphs: ${bodyAbove} body lines above the 署名`).toBe(true);
      if (bodyAbove === 2) moved.push(n);
    }
    expect(moved.length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps a multi-line last paragraph’s last two lines with the 署名', async () => {
    for (let n = 4; n <= 9; n++) {
      const { bodyAbove } = await closingPage(letter(Array.from({ length: n }, () => p(threeLines))));
      expect(bodyAbove, `${n} paragraphs`).toBeGreaterThanOrEqual(2);
    }
  }, 30_000);

  it('prints （此页无正文） on a page that holds only the 署名 after a page break, in the PDF and the DOCX', async () => {
    const doc = letter([p(threeLines), { kind: 'pageBreak' }]);
    const { bodyAbove, notice, page } = await closingPage(doc);
    expect(page).toBe(1);
    expect(bodyAbove).toBe(0);
    expect(notice).toBe(true);
    const xml = partText(await unzipDocx(await renderDocx(doc)), 'word/document.xml');
    expect(xml).toContain('（此页无正文）');
  });

  it('never splits a signature block, and keeps two body lines above it', async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({
      role: i === 0 ? '组长' : '组员',
      name: `专家${i + 1}`,
      date: null,
      image: null,
    }));
    for (let n = 3; n <= 8; n++) {
      const doc = letter(
        Array.from({ length: n }, () => p(threeLines)),
        [
          { kind: 'paragraph', runs: [{ text: '专家组成员签字：' }], align: 'left', firstLineIndentChars: 0, size: 'body' },
          { kind: 'signatures', entries, columns: 2 },
        ],
      );
      const read = await readPdf(await renderPdf(doc));
      const pages = read.pages.map((pg) => lines(pg).filter((l) => /^(组长|组员)：/.test(strip(l.text))).length);
      expect(
        pages.filter((c) => c > 0),
        `${n} paragraphs: signature rows per page ${pages.join(',')}`,
      ).toHaveLength(1);
      const page = pages.findIndex((c) => c > 0);
      const all = lines(read.pages[page]!);
      const label = all.findIndex((l) => strip(l.text) === '专家组成员签字：');
      expect(label, `${n} paragraphs`).toBeGreaterThanOrEqual(2);
    }
  }, 30_000);
});

describe('the 版记 (信函格式: 抄送 only)', () => {
  const record: Block = { kind: 'record', copyTo: '武隆区财政局，武隆区城市管理局。', printer: '', printedOn: '', rules: false };

  it('puts 抄送 in 4号 on the last line of the last page’s 版心, one character in, without separator lines', async () => {
    const doc = letter([p(threeLines), p(threeLines)], [{ kind: 'closing', organiser: mark, date: '2027年3月20日', seal: true }, record]);
    const bytes = await renderPdf(doc);
    const read = await readPdf(bytes);
    const last = read.pages.length;
    const line = find(read, last, '抄送：')!;
    expect(line).toBeTruthy();
    expect(strip(line.text)).toBe('抄送：武隆区财政局，武隆区城市管理局。');
    expect(line.size).toBeCloseTo(14, 1);
    expect(Math.abs(mm(line.left) - (28 + mm(14)))).toBeLessThan(0.3);
    // The 版心's last grid line: 37 mm + 21 pitches.
    expect(Math.abs(mm(line.baseline - ascent * line.size) - (37 + 21 * pitchMm))).toBeLessThan(0.3);
    // Below the 署名 on the same page, and no rule drawn across the 版心 around it.
    expect(find(read, last, mark)!.baseline).toBeLessThan(line.baseline);
    const page = renderPage(bytes, last, 150);
    expect(inkIn(page, 37 + 21 * pitchMm - 1.2, 37 + 21 * pitchMm - 0.3)).toBe(false);
  });

  it('is a text box at the foot of the 版心 in the DOCX', async () => {
    const doc = letter([p(threeLines)], [{ kind: 'closing', organiser: mark, date: '2027年3月20日', seal: true }, record]);
    const xml = partText(await unzipDocx(await renderDocx(doc)), 'word/document.xml');
    expect(xml).toContain('抄送：武隆区财政局，武隆区城市管理局。');
    expect(xml).toMatch(/<wp:anchor[^>]*>(?:(?!<\/wp:anchor>).)*?抄送：/s);
    expect(xml).toMatch(/<wp:wrapTopAndBottom[^>]*\/>(?:(?!<\/wp:anchor>).)*?抄送：/s);
  });
});
