// Every built-in template filled with the Wulong sample renders to DOCX and PDF: the DOCX is a well-formed package that
// mammoth reads, both formats carry the same text in the same order (page numbers, running header and repeated table
// headers aside), and page 1 of the PDF matches its committed reference PNG (pdftoppm at 40 dpi). A missing reference
// fails. To (re)write the references:  UPDATE_SNAPSHOTS=1 npx vitest run test/core/output/templates.test.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXmlPart } from '../../../electron/core/output/docx/xml';
import { renderDocx } from '../../../electron/core/output/docx/render';
import { fillFor } from '../../../electron/core/output/generate';
import type { RenderDoc } from '../../../electron/core/output/model';
import { geometry } from '../../../electron/core/output/pdf/flow';
import { renderPdf } from '../../../electron/core/output/pdf/render';
import { builtinTemplateIds, loadBuiltinTemplates } from '../../../electron/core/output/template/builtins';
import { sampleSession, type SampleSession } from '../sampleSession';
import { unzipDocx } from './docx/unzip';
import { readPdf, type PdfRead } from './pdf/pdfText';
import { differingShare, maxDifferingShare, readPng } from './pngCompare';

const referenceDir = path.join(__dirname, 'reference');
const update = process.env.UPDATE_SNAPSHOTS === '1';
/** The fixed clock of the sample: every date in the documents and their properties comes from it. */
const fixedNow = new Date('2027-03-18T09:00:00+08:00');

interface Rendered {
  doc: RenderDoc;
  pdf: Buffer;
  docx: Buffer;
  /** Page 1 of the PDF at 40 dpi. */
  png: string;
}

const strip = (s: string) => s.replace(/\s+/g, '');

/**
 * The PDF's text in drawing order (table cells whole, as mammoth reads them), without the page furniture: the page
 * number and running header outside the 版心 (each checked to be exactly that), a letter's 发文机关标志, and a table's header rows where the
 * renderer repeats them at the top of a continuation page. Text outside the 版心 that is not furniture is returned in
 * `stray`.
 */
function pdfContent(read: PdfRead, doc: RenderDoc): { text: string; furniture: string[]; stray: string[] } {
  const g = geometry(doc.page);
  const count = read.pages.length;
  const repeatedHeaders = doc.blocks
    .filter((b): b is Extract<RenderDoc['blocks'][number], { kind: 'table' }> => b.kind === 'table' && b.headerRows > 0)
    .map((t) =>
      strip(
        t.rows
          .slice(0, t.headerRows)
          .flat()
          .map((c) => c.text)
          .join(''),
      ),
    );
  const furniture: string[] = [];
  const stray: string[] = [];
  let text = '';
  read.pages.forEach((page, i) => {
    const n = i + 1;
    const allowed = new Set([`—${n}—`, `第${n}页共${count}页`, ...(n > 1 && doc.page.header ? [strip(doc.page.header)] : [])]);
    const outside = new Map<number, string>();
    let body = '';
    for (const item of page.items) {
      if (item.baseline < g.top || item.baseline > g.top + g.height)
        outside.set(Math.round(item.baseline), (outside.get(Math.round(item.baseline)) ?? '') + item.str);
      else body += item.str;
    }
    for (const line of outside.values()) (allowed.has(strip(line)) ? furniture : stray).push(`第 ${n} 页：${strip(line)}`);
    body = strip(body);
    // The 信函格式 发文机关标志 is page furniture of page 1 (a text box over the 版心's top in the DOCX).
    const mark = n === 1 && doc.page.letterhead ? strip(doc.page.letterhead.mark) : '';
    if (mark && body.startsWith(mark)) {
      furniture.push(`第 1 页：${mark}`);
      body = body.slice(mark.length);
    }
    const repeated = n > 1 ? repeatedHeaders.find((h) => h && body.startsWith(h) && text.includes(h)) : undefined;
    text += repeated ? body.slice(repeated.length) : body;
  });
  return { text, furniture, stray };
}

/** Null when equal, else where the two first part, with some text either side. */
function firstDifference(pdf: string, docx: string): string | null {
  if (pdf === docx) return null;
  let i = 0;
  while (i < pdf.length && i < docx.length && pdf[i] === docx[i]) i++;
  const around = (s: string) => `…${s.slice(Math.max(0, i - 20), i)}⟦${s.slice(i, i + 30)}⟧`;
  return `第 ${i} 个字符起不同：\n  PDF  ${around(pdf)}\n  DOCX ${around(docx)}`;
}

let sample: SampleSession;
let work: string;
const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  sample = await sampleSession({ now: () => fixedNow });
  work = mkdtempSync(path.join(tmpdir(), 'review-desk-templates-'));
  const deps = { db: sample.store.db, now: () => fixedNow };
  for (const template of loadBuiltinTemplates()) {
    const doc = fillFor(deps, template, sample.sessionId, template.kind === 'session' ? null : sample.projectIds[0]!);
    const pdf = await renderPdf(doc);
    const docx = await renderDocx(doc);
    const pdfFile = path.join(work, `${template.id}.pdf`);
    writeFileSync(pdfFile, pdf);
    const png = path.join(work, template.id);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', '-singlefile', pdfFile, png]);
    rendered.set(template.id, { doc, pdf, docx, png: `${png}.png` });
    if (update) {
      mkdirSync(referenceDir, { recursive: true });
      copyFileSync(`${png}.png`, path.join(referenceDir, `${template.id}.png`));
    }
  }
}, 120_000);

afterAll(() => {
  sample?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('built-in templates in DOCX and PDF', () => {
  it('renders every built-in template', () => {
    expect([...rendered.keys()]).toEqual([...builtinTemplateIds]);
  });

  describe.each([...builtinTemplateIds])('%s', (id) => {
    it('is a DOCX package whose every XML part parses and whose text mammoth reads', async () => {
      const { docx, doc } = rendered.get(id)!;
      const parts = await unzipDocx(docx);
      const names = parts.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
      const xmlParts = parts.filter((p) => /\.(xml|rels)$/.test(p.name));
      for (const part of xmlParts) expect(() => parseXmlPart(part.data.toString('utf8')), part.name).not.toThrow();
      const { value, messages } = await mammoth.extractRawText({ buffer: docx });
      expect(messages.filter((m) => m.type === 'error')).toEqual([]);
      expect(strip(value)).toContain(strip(firstText(doc)));
    });

    it('carries the same text in the same order in the PDF as in the DOCX', async () => {
      const { pdf, docx, doc } = rendered.get(id)!;
      const { text, furniture, stray } = pdfContent(await readPdf(pdf), doc);
      expect(stray, 'text outside the 版心 that is not a page number or running header').toEqual([]);
      if (doc.page.pageNumbers !== 'none') expect(furniture.length, 'page numbers found and set aside').toBeGreaterThan(0);
      const docxText = strip((await mammoth.extractRawText({ buffer: docx })).value);
      expect(docxText.length).toBeGreaterThan(100);
      expect(firstDifference(text, docxText)).toBeNull();
    });

    it('matches the committed reference PNG of page 1', () => {
      const reference = path.join(referenceDir, `${id}.png`);
      expect(
        existsSync(reference),
        `reference ${reference} missing: run UPDATE_SNAPSHOTS=1 npx vitest run test/core/output/templates.test.ts`,
      ).toBe(true);
      const share = differingShare(readPng(rendered.get(id)!.png), readPng(reference));
      expect(share, `${(share * 100).toFixed(2)} % of pixels differ`).toBeLessThan(maxDifferingShare);
    });
  });

  it('tells the pages of different templates apart (the snapshot comparison can fail)', () => {
    const pngs = [...rendered.values()].map((r) => readPng(r.png));
    for (let i = 1; i < pngs.length; i++) expect(differingShare(pngs[0]!, pngs[i]!)).toBeGreaterThan(maxDifferingShare);
  });

  it('tells a DOCX with one changed word from its PDF (the parity comparison can fail)', async () => {
    const { pdf, doc } = rendered.get('expert-opinion')!;
    const changed = structuredClone(doc);
    const heading = changed.blocks.findLast((b) => b.kind === 'heading')!;
    if (heading.kind === 'heading') heading.text = heading.text.replace(/.$/, '书');
    const docxText = strip((await mammoth.extractRawText({ buffer: await renderDocx(changed) })).value);
    expect(firstDifference(pdfContent(await readPdf(pdf), doc).text, docxText)).toMatch(/PDF .*\n {2}DOCX .*书/);
  });
});

/** The first text block of the document (its title or 发文字号), which every output must contain. */
function firstText(doc: RenderDoc): string {
  for (const b of doc.blocks) if (b.kind === 'title' || b.kind === 'docNumber') return b.text;
  throw new Error(`模板 ${doc.meta.templateId} 没有标题`);
}
