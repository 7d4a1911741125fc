// The DOCX lays out as the PDF does in another reader: every built-in template, filled from the Wulong sample for each
// of its projects, is converted by LibreOffice (one headless soffice run for all files, a private profile) and read
// back with poppler's pdftotext -bbox-layout: the same number of pages as our own PDF, no two lines drawn over each
// other, 28 characters to a full line of the letter, and the letter's red 版头 on page 1 without a page number. Both
// score sheets once more with the longest conclusion the regulations give (修改完善后通过): on one line in both readers.
// Skipped only where LibreOffice is not installed (CI installs it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/core/output/docx/render';
import { fillFor } from '../../../electron/core/output/generate';
import type { RenderDoc } from '../../../electron/core/output/model';
import { renderPdf } from '../../../electron/core/output/pdf/render';
import { builtinTemplateIds, loadBuiltinTemplates } from '../../../electron/core/output/template/builtins';
import { sampleSession, type SampleSession } from '../sampleSession';
import { convertToPdf, overlappingLines, readLayout, sofficePath, type BoxLine, type Layout } from './docx/libreoffice';
import { dashStroke, redPixels, renderPage } from './pdf/pixels';

const soffice = sofficePath();
const fixedNow = new Date('2027-03-18T09:00:00+08:00');

interface Case {
  name: string;
  templateId: string;
  pdfPages: number;
  draft: boolean;
  ours: Layout;
  lo?: Layout;
  loPdf?: string;
}

let sample: SampleSession | undefined;
let work: string;
const cases: Case[] = [];
/** The score sheets with 修改完善后通过, by case name. */
const revisedCells = new Map<string, Omit<Revised, 'doc'>>();

/** The longest conclusion of the regulations' three (通过 / 修改完善后通过 / 不予通过). */
const revise = '修改完善后通过';

interface Revised {
  doc: RenderDoc;
  /** How many 结论 cells say the conclusion. */
  count: number;
  /** Texts of the table that must stay whole beside it: numbers and 专业. */
  whole: string[];
}

/** The document with every 结论 cell of its table saying `conclusion`. */
function withConclusion(doc: RenderDoc, conclusion: string): Revised {
  let count = 0;
  const whole = new Set<string>();
  const blocks = doc.blocks.map((b) => {
    if (b.kind !== 'table') return b;
    const col = b.rows[0]!.findIndex((c) => c.text === '结论');
    if (col < 0) return b;
    const specialty = b.rows[0]!.findIndex((c) => c.text === '专业');
    const rows = b.rows.map((row, r) => {
      if (r < b.headerRows) return row;
      for (const c of row) if (/^[\d,.]+$/.test(c.text)) whole.add(c.text);
      if (specialty >= 0 && row[specialty]?.text) whole.add(row[specialty].text);
      if (!row[col]?.text) return row;
      count++;
      return row.map((c, k) => (k === col ? { ...c, text: conclusion } : c));
    });
    return { ...b, rows };
  });
  return { doc: { ...doc, blocks }, count, whole: [...whole] };
}

beforeAll(async () => {
  if (!soffice) return;
  sample = await sampleSession({ now: () => fixedNow });
  work = mkdtempSync(path.join(tmpdir(), 'rd-docx-layout-'));
  const deps = { db: sample.store.db, now: () => fixedNow };
  const files: string[] = [];
  const add = async (name: string, templateId: string, doc: RenderDoc) => {
    const ours = await readLayoutOf(await renderPdf(doc), path.join(work, `${name}.ours.pdf`));
    const docx = path.join(work, `${name}.docx`);
    writeFileSync(docx, await renderDocx(doc));
    files.push(docx);
    cases.push({ name, templateId, pdfPages: ours.pages.length, draft: !!doc.draft, ours });
  };
  for (const template of loadBuiltinTemplates()) {
    const projects = template.kind === 'session' ? [null] : sample.projectIds;
    for (const [i, projectId] of projects.entries()) {
      const doc = fillFor(deps, template, sample.sessionId, projectId);
      await add(projectId === null ? template.id : `${template.id}-${i + 1}`, template.id, doc);
      // The sample's reviews all pass: the score sheets once more with every conclusion 修改完善后通过.
      if (template.id.endsWith('score-summary') && i === 0) {
        const revised = withConclusion(doc, revise);
        revisedCells.set(`${template.id}-revise`, { count: revised.count, whole: revised.whole });
        await add(`${template.id}-revise`, template.id, revised.doc);
      }
    }
  }
  convertToPdf(soffice, files, path.join(work, 'lo'), path.join(work, 'profile'));
  for (const c of cases) {
    c.loPdf = path.join(work, 'lo', `${c.name}.pdf`);
    c.lo = readLayout(c.loPdf);
  }
}, 240_000);

/** The 草稿 mark of a draft DOCX (docx/draftMark.ts): the word alone, in a box taller than any text of a document. */
const isDraftMark = (l: BoxLine) => l.text === '草稿' && l.yMax - l.yMin > 100;

async function readLayoutOf(pdf: Buffer, file: string): Promise<Layout> {
  writeFileSync(file, pdf);
  return readLayout(file);
}

afterAll(() => {
  sample?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!soffice)('DOCX in LibreOffice (skipped: soffice not installed)', () => {
  it('converts every built-in template for every project', () => {
    expect([...new Set(cases.map((c) => c.templateId))]).toEqual([...builtinTemplateIds]);
    for (const c of cases) expect(c.lo?.pages.length, c.name).toBeGreaterThan(0);
  });

  it('has as many pages as our PDF', () => {
    const counts = cases.map((c) => `${c.name}: PDF ${c.pdfPages}, LibreOffice ${c.lo!.pages.length}`);
    // Known limit (docs/documents.md): with 修改完善后通过 in every row, LibreOffice's wider digits take each row's
    // 各维度采用值 a line further and the 说明 goes to a page 2 (as on the demo's data). At most that one page.
    const known = cases.filter((c) => c.name === 'session-score-summary-revise');
    for (const c of known) expect(c.lo!.pages.length - c.pdfPages, c.name).toBeLessThanOrEqual(1);
    const differ = cases.filter((c) => !known.includes(c) && c.lo!.pages.length !== c.pdfPages);
    expect(
      differ.map((c) => counts[cases.indexOf(c)]),
      counts.join('\n'),
    ).toEqual([]);
  });

  it('draws the 草稿 mark on every page of a draft and on no page of a final document', () => {
    expect(cases.some((c) => c.draft)).toBe(true);
    for (const c of cases) for (const page of c.lo!.pages) expect(page.lines.filter(isDraftMark).length, `${c.name}`).toBe(c.draft ? 1 : 0);
  });

  it('draws no two lines over each other', () => {
    for (const c of cases) {
      // The 草稿 mark lies behind the text on purpose (its own test above).
      const pairs = overlappingLines({ pages: c.lo!.pages.map((p) => ({ ...p, lines: p.lines.filter((l) => !isDraftMark(l)) })) });
      expect(pairs.map(([a, b]) => `${c.name} p${a.page}: “${a.text.slice(0, 12)}” / “${b.text.slice(0, 12)}”`)).toEqual([]);
    }
  });

  it('sets 28 characters of 3号 to a full line of the letter', () => {
    const full = cases
      .filter((c) => c.templateId === 'opinion-letter')
      .flatMap((c) => c.lo!.pages.flatMap((p) => p.lines))
      // Lines that run from the 版心's left edge to its right edge (28 mm to 184 mm), Chinese only.
      .filter((l) => Math.abs(l.xMin - (28 * 72) / 25.4) < 3 && Math.abs(l.xMax - ((210 - 26) * 72) / 25.4) < 4)
      .map((l) => [...l.text.replace(/\s/g, '')])
      .filter((chars) => chars.every((ch) => !/[\x21-\x7e]/.test(ch)));
    expect(full.length).toBeGreaterThan(5);
    // 28 a line; a line may hold 27 where a character went down with a closing mark (避头尾), never more than 28.
    const counts = full.map((chars) => chars.length);
    for (const chars of full) expect(chars.length, chars.join('')).toBeLessThanOrEqual(28);
    expect(counts.filter((n) => n === 28).length, counts.join(' ')).toBeGreaterThan(counts.length * 0.8);
  });

  it('prints 修改完善后通过 on one line in both score sheets, as our PDF and in LibreOffice, numbers and 专业 whole', () => {
    expect([...revisedCells.keys()].sort()).toEqual(['score-summary-revise', 'session-score-summary-revise']);
    for (const [name, { count, whole }] of revisedCells) {
      const c = cases.find((x) => x.name === name)!;
      expect(count, name).toBeGreaterThan(0);
      expect(whole.length, name).toBeGreaterThan(count);
      for (const [reader, layout] of [
        ['our PDF', c.ours],
        ['LibreOffice', c.lo!],
      ] as const) {
        const lines = layout.pages.flatMap((p) => p.lines.map((l) => l.text.replace(/\s/g, '')));
        const found = lines.reduce((n, l) => n + l.split(revise).length - 1, 0);
        expect(found, `${name} in ${reader}: ${lines.join(' | ')}`).toBe(count);
        expect(
          lines.filter((l) => /修改完善(?!后通过)|(?<!修改完善)后通过/.test(l)),
          `${name} in ${reader}`,
        ).toEqual([]);
        // The columns beside it do not wrap instead: every score, amount and 专业 on one line.
        expect(
          whole.filter((text) => !lines.some((l) => l.includes(text))),
          `${name} in ${reader}`,
        ).toEqual([]);
      }
    }
  });

  it('prints the letter’s red 版头 on page 1 and no page number there', () => {
    for (const c of cases.filter((x) => x.templateId === 'opinion-letter')) {
      const page1 = renderPage(readFileSync(c.loPdf!), 1, 100);
      expect(redPixels(page1, 28, 48), c.name).toBeGreaterThan(2000);
      expect(redPixels(page1, 275, 279), c.name).toBeGreaterThan(500);
      expect(dashStroke(page1, 262), c.name).toBeNull();
    }
  });
});
