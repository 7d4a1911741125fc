// Renders a three-page 评审意见函 to DOCX and checks it structurally: parts, page setup, grid, fonts, footers, bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../electron/core/output/docx/render';
import type { RenderDoc } from '../../../../electron/core/output/model';
import { letterDoc } from './letterFixture';
import { assertWellFormed, partText, unzipDocx } from './unzip';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const attr = (xml: string, element: string, name: string): number => {
  const tag = xml.match(new RegExp(`<${element}\\b[^>]*>`))?.[0];
  if (!tag) throw new Error(`no <${element}>`);
  return Number(tag.match(new RegExp(`${name}="(-?\\d+)"`))?.[1]);
};

describe('renderDocx', () => {
  it('writes a Word document whose parts parse and whose text mammoth reads in order', async () => {
    const bytes = await renderDocx(letterDoc());
    const parts = await unzipDocx(bytes);
    expect(parts[0]!.name).toBe('[Content_Types].xml');
    for (const p of parts.filter((p) => /\.(xml|rels)$/.test(p.name))) assertWellFormed(p.data.toString('utf8'), p.name);
    expect(parts.filter((p) => p.name.startsWith('word/media/') && p.name.endsWith('.png'))).toHaveLength(2);

    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const expected = [
      '关于某某系统建设项目的评审意见函',
      '评审函〔2027〕12号',
      '某某市政务服务管理局：',
      '一、总体意见',
      '（一）第1项意见',
      '（九）第9项意见',
      '1.投资估算',
      '费用项目',
      '软件开发费',
      '其中：服务器',
      '合计',
      '57.50',
      '二、专家组签名',
      '组长：',
      '张明',
      '李华',
      '附件：1. 专家组评审意见',
      '2. 评分汇总表',
      '某市大数据局',
      '2027年3月5日',
    ];
    let at = -1;
    for (const s of expected) {
      const found = text.indexOf(s, at + 1);
      expect(found, `“${s}” after position ${at}`).toBeGreaterThan(at);
      at = found;
    }
  });

  it('sets A4, the GB/T 9704 margins and a 22 × 28 grid: exact lines at the grid pitch, 3号 runs spaced to 28 a line', async () => {
    const parts = await unzipDocx(await renderDocx(letterDoc()));
    const doc = partText(parts, 'word/document.xml');
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe(11906);
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe(16838);
    expect([
      attr(doc, 'w:pgMar', 'w:top'),
      attr(doc, 'w:pgMar', 'w:bottom'),
      attr(doc, 'w:pgMar', 'w:left'),
      attr(doc, 'w:pgMar', 'w:right'),
    ]).toEqual([twips(37), twips(35), twips(28), twips(26)]);
    // A line grid only: LibreOffice gives each 16 pt character two cells of a 15.79 pt character grid.
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    const textHeight = 16838 - twips(37) - twips(35);
    const textWidth = 11906 - twips(28) - twips(26);
    const linePitch = attr(doc, 'w:docGrid', 'w:linePitch');
    expect(22 * linePitch).toBeLessThanOrEqual(textHeight);
    expect(23 * linePitch).toBeGreaterThan(textHeight);
    const styles = partText(parts, 'word/styles.xml');
    // Every spacing with a line names its rule; the text styles are exact at the grid's pitch.
    const spacings = [...(styles + doc).matchAll(/<w:spacing [^>]*w:line="[^"]*"[^>]*\/>/g)].map((m) => m[0]);
    expect(spacings.length).toBeGreaterThan(10);
    for (const spacing of spacings) expect(spacing, spacing).toMatch(/w:lineRule="(exact|auto|atLeast)"/);
    const styleSpacing = (id: string) => styles.match(new RegExp(`w:styleId="${id}".*?<w:spacing ([^>]*)/>`))?.[1] ?? '';
    for (const id of ['Normal', 'RDBody', 'RDTitle', 'RDHeading1', 'RDAddressee'])
      expect(styleSpacing(id), id).toMatch(/w:line="579" w:lineRule="exact"/);
    // Character pitch of 3号 body text = 16 pt + its character spacing: 28 must fit a line, 29 must not.
    const spacingOf = (id: string) => Number(styles.match(new RegExp(`w:styleId="${id}".*?<w:rPr>.*?<w:spacing w:val="(-?\\d+)"/>`))?.[1]);
    const pitchTwips = 320 + spacingOf('RDBody');
    expect(28 * pitchTwips).toBeLessThanOrEqual(textWidth);
    expect(29 * pitchTwips).toBeGreaterThan(textWidth);
    expect(spacingOf('RDHeading1')).toBe(spacingOf('RDBody'));
    // The title keeps its own pitch and is off the line grid (one 579-twip line per title line).
    expect(styles).toMatch(/w:styleId="RDTitle".*?<w:snapToGrid w:val="0"\/><w:spacing/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts[^>]*w:eastAsia="仿宋_GB2312"[^>]*\/>(<w:[^>]*>)*<w:sz w:val="32"\/>/);
    // The footer's 一字线 sits 7 mm below the text area: footer distance + 4号 line − the dash's depth in it + 7 mm =
    // bottom margin (the depth: 0.8 − 0.293 of 14 pt).
    const footer = attr(doc, 'w:pgMar', 'w:footer');
    expect(Math.abs(footer + 280 - (0.8 - 0.293) * 280 + twips(7) - twips(35))).toBeLessThan(20);
  });

  it('names the standard Chinese fonts per role with Times New Roman for Latin, and fallbacks in the font table', async () => {
    const parts = await unzipDocx(await renderDocx(letterDoc()));
    const styles = partText(parts, 'word/styles.xml');
    const fontsOf = (id: string) => styles.match(new RegExp(`w:styleId="${id}".*?<w:rFonts ([^>]*)/>`))?.[1] ?? '';
    expect(fontsOf('RDTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(fontsOf('RDBody')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fontsOf('RDHeading1')).toContain('w:eastAsia="黑体"');
    expect(fontsOf('RDHeading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(fontsOf('RDHeading3')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toMatch(/w:styleId="RDHeading3".*?<w:b\/>/);
    expect(fontsOf('RDBody')).toContain('w:ascii="Times New Roman"');
    expect(fontsOf('RDBody')).toContain('w:hAnsi="Times New Roman"');
    expect(styles).toMatch(/w:styleId="RDTitle".*?<w:sz w:val="44"\/>/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
    const table = partText(parts, 'word/fontTable.xml');
    expect(table).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>.*?<w:charset w:val="86"\/>/);
    expect(table).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    expect(table).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    // 避头尾: Word's kinsoku stays on (never switched off), punctuation may hang in the margin.
    const doc = partText(parts, 'word/document.xml');
    expect(doc).not.toMatch(/<w:kinsoku w:val="(0|false|off)"/);
    expect(doc).toContain('<w:overflowPunct/>');
    expect(doc).toMatch(/<w:ind w:firstLineChars="200" w:firstLine="640"\/>|<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
  });

  it('numbers pages "— PAGE —" outside-aligned on odd and even pages', async () => {
    const parts = await unzipDocx(await renderDocx(letterDoc()));
    expect(partText(parts, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const doc = partText(parts, 'word/document.xml');
    const rels = partText(parts, 'word/_rels/document.xml.rels');
    const footerOf = (type: string) => {
      const id = doc.match(new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`))?.[1];
      const target =
        rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1];
      return partText(parts, `word/${target}`);
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = footerOf(type);
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('— </w:t>');
      expect(footer).toContain(`<w:ind w:${side}="280"/>`);
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
    }
  });

  it('writes title, author and template into the properties, and the same document gives the same bytes', async () => {
    const a = await renderDocx(letterDoc());
    const b = await renderDocx(letterDoc());
    expect(a.equals(b)).toBe(true);
    const parts = await unzipDocx(a);
    for (const p of parts) expect(p.date.getFullYear()).toBe(2000);
    const core = partText(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>关于某某系统建设项目的评审意见函</dc:title>');
    expect(core).toContain('<dc:creator>某市大数据局</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-05T01:30:00Z</dcterms:created>');
    const custom = partText(parts, 'docProps/custom.xml');
    expect(custom).toMatch(/name="ReviewDeskTemplate"><vt:lpwstr>review-letter</);
    expect(custom).toMatch(/name="ReviewDeskTemplateVersion"><vt:lpwstr>3</);
    const other = letterDoc();
    other.meta.createdAt = '2027-03-06T09:30:00+08:00';
    expect((await renderDocx(other)).equals(a)).toBe(false);
  });

  it('centres "第 X 页 共 Y 页" without odd/even footers, and turns the page for landscape', async () => {
    const doc: RenderDoc = {
      ...letterDoc(),
      page: {
        orientation: 'landscape',
        marginsMm: { top: 20, bottom: 20, left: 20, right: 20 },
        grid: null,
        pageNumbers: 'center',
        header: '评分汇总表',
      },
    };
    const parts = await unzipDocx(await renderDocx(doc));
    expect(partText(parts, 'word/settings.xml')).not.toMatch(/<w:evenAndOddHeaders(\/>| w:val="(true|1|on)")/);
    const main = partText(parts, 'word/document.xml');
    expect(main).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(main).not.toContain('w:type="linesAndChars"');
    // Page 1 has footers of its own (it has no running header), with the same page number.
    const footer = parts.filter((p) => p.name.startsWith('word/footer')).map((p) => p.data.toString('utf8'));
    expect(footer).toHaveLength(2);
    for (const f of footer) {
      expect(f).toContain('NUMPAGES');
      expect(f).toContain('<w:jc w:val="center"/>');
    }
    expect(main).toContain('<w:titlePg/>');
    const { value } = await mammoth.extractRawText({ buffer: await renderDocx(doc) });
    expect(value).toContain('关于某某系统建设项目的评审意见函');
    expect(parts.some((p) => p.name.startsWith('word/header') && p.data.toString('utf8').includes('评分汇总表'))).toBe(true);
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))(
    'opens in LibreOffice, which prints the letter with its page numbers (skipped: no /usr/bin/soffice)',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'rd-docx-'));
      try {
        writeFileSync(path.join(dir, 'letter.docx'), await renderDocx(letterDoc()));
        execFileSync(
          '/usr/bin/soffice',
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            path.join(dir, 'letter.docx'),
          ],
          { timeout: 120_000, stdio: 'ignore' },
        );
        const pdf = path.join(dir, 'letter.pdf');
        const text = execFileSync('/usr/bin/pdftotext', [pdf, '-']).toString().replace(/\s+/g, '');
        for (const s of ['关于某某系统建设项目的评审意见函', '一、总体意见', '软件开发费', '附件：1.专家组评审意见', '某市大数据局'])
          expect(text).toContain(s);
        expect(text).toMatch(/—1—/);
        expect(text).toMatch(/—3—/);
        execFileSync('/usr/bin/pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
        expect(readFileSync(path.join(dir, 'page-1.png')).length).toBeGreaterThan(1000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
