// The DOCX lays out as the PDF does in another reader: every built-in template, filled from the Wulong sample for each
// of its projects, is converted by LibreOffice (one headless soffice run for all files, a private profile) and read
// back with poppler's pdftotext -bbox-layout: the same number of pages as our own PDF, no two lines drawn over each
// other, 28 characters to a full line of the letter, and the letter's red 版头 on page 1 without a page number.
// Skipped only where LibreOffice is not installed (CI installs it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/core/output/docx/render';
import { fillFor } from '../../../electron/core/output/generate';
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
  lo?: Layout;
  loPdf?: string;
}

let sample: SampleSession | undefined;
let work: string;
const cases: Case[] = [];

beforeAll(async () => {
  if (!soffice) return;
  sample = await sampleSession({ now: () => fixedNow });
  work = mkdtempSync(path.join(tmpdir(), 'rd-docx-layout-'));
  const deps = { db: sample.store.db, now: () => fixedNow };
  const files: string[] = [];
  for (const template of loadBuiltinTemplates()) {
    const projects = template.kind === 'session' ? [null] : sample.projectIds;
    for (const [i, projectId] of projects.entries()) {
      const doc = fillFor(deps, template, sample.sessionId, projectId);
      const name = projectId === null ? template.id : `${template.id}-${i + 1}`;
      const ours = await readLayoutOf(await renderPdf(doc), path.join(work, `${name}.ours.pdf`));
      const docx = path.join(work, `${name}.docx`);
      writeFileSync(docx, await renderDocx(doc));
      files.push(docx);
      cases.push({ name, templateId: template.id, pdfPages: ours.pages.length, draft: !!doc.draft });
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
    const differ = cases.filter((c) => c.lo!.pages.length !== c.pdfPages);
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

  it('prints the letter’s red 版头 on page 1 and no page number there', () => {
    for (const c of cases.filter((x) => x.templateId === 'opinion-letter')) {
      const page1 = renderPage(readFileSync(c.loPdf!), 1, 100);
      expect(redPixels(page1, 28, 48), c.name).toBeGreaterThan(2000);
      expect(redPixels(page1, 275, 279), c.name).toBeGreaterThan(500);
      expect(dashStroke(page1, 262), c.name).toBeNull();
    }
  });
});
