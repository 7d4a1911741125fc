// The heading corpus: every way people type chapter headings, as DOCX (also saved by LibreOffice) and PDF — chapter recall equals the plain-text version's, pages are right, and no 不符合 comes from a heading style.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentText } from '../../../shared/precheck';
import { extractText } from '../../../electron/core/documents/text';
import { detectChapters } from '../../../electron/core/precheck/chapters';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { evaluateProject } from '../../../electron/core/precheck/report';
import { corpusChapters, makeHeadingCorpus, plainHeadings, type CorpusFile } from '../../../scripts/make-heading-corpus';
import { requiredChapters, newProject } from '../../helpers/chapters';
import { tempDir } from '../../helpers/core';

let dir: string;
let files: CorpusFile[];
beforeAll(async () => {
  dir = tempDir('rd-headings-');
  files = await makeHeadingCorpus(dir);
}, 180_000);

const read = (f: CorpusFile) => extractText(path.join(dir, f.file), f.file.endsWith('.pdf') ? 'pdf' : 'docx', f.file);
const foundPages = (text: DocumentText) =>
  Object.fromEntries(
    detectChapters([text], requiredChapters)
      .filter((m) => m.found)
      .map((m) => [m.chapterId, m.page]),
  );
const requiredIds = corpusChapters.flatMap((c) => (c.chapterId ? [c.chapterId] : []));

/** The page each chapter starts on, independent of our extractor: pdftotext for PDFs, the generator's page breaks for DOCX. */
function expectedPages(f: CorpusFile): Record<string, number> {
  const pages = f.file.endsWith('.pdf')
    ? execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, f.file), '-'], { encoding: 'utf8' }).split('\f')
    : undefined;
  return Object.fromEntries(
    corpusChapters.flatMap((c, i) => {
      if (!c.chapterId) return [];
      if (pages) return [[c.chapterId, pages.findIndex((p) => p.split('\n').some((l) => l.trim().endsWith(c.title))) + 1]];
      // The title page, then a chapter a page; the title-box file starts its first chapter on the title page.
      return [[c.chapterId, f.style === 'title-box' ? i + 1 : i + 2]];
    }),
  );
}

describe('heading corpus', () => {
  it('has every style as DOCX, the Word-numbered ones also saved by LibreOffice, those and the face-only one as PDF, and a WPS-like PDF', () => {
    expect(files.map((f) => f.file).sort()).toEqual(
      [
        'font-only.docx',
        'font-only.pdf',
        'ideographic-space.docx',
        'part.docx',
        'space-bold.docx',
        'title-box.docx',
        'word-chapter.docx',
        'word-chapter.lo.docx',
        'word-chapter.pdf',
        'word-decimal.docx',
        'word-decimal.lo.docx',
        'word-decimal.pdf',
        'wps-export.pdf',
      ].sort(),
    );
  });

  it('finds every required chapter on its page in every file, as in the plain-text version', async () => {
    for (const f of files) {
      const plain = foundPages({
        documentId: 'plain',
        pages: [{ page: 1, text: '' }],
        headings: plainHeadings(f.style).map((text) => ({ text, page: 1 })),
      });
      expect(Object.keys(plain).sort(), `plain ${f.style}`).toEqual([...requiredIds].sort());
      const found = foundPages(await read(f));
      expect(Object.keys(found).sort(), f.file).toEqual(Object.keys(plain).sort());
      expect(found, f.file).toEqual(expectedPages(f));
    }
  }, 120_000);

  it('shows the number Word computes from numbering.xml in the heading text', async () => {
    const chapter = await read(files.find((f) => f.file === 'word-chapter.docx')!);
    expect(chapter.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(plainHeadings('word-chapter'));
    expect(chapter.headings).toContainEqual({ text: '3.1 概述', page: 4, level: 2 }); // isLgl: decimal under 第%1章
    const decimal = await read(files.find((f) => f.file === 'word-decimal.docx')!);
    expect(decimal.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(plainHeadings('word-decimal'));
  });

  it('gives no 不符合 for a chapter in any heading style (武隆 rules, a new project)', async () => {
    const profile = loadProfile('wulong');
    const project = newProject([{ id: 'proposal', kind: 'proposal', title: '建设方案' }]);
    for (const f of files) {
      const text = { ...(await read(f)), documentId: 'proposal' };
      const { findings } = evaluateProject(project, [project], profile, [text], true);
      // The corpus holds the five chapters of the labelled set; 武隆 requires more (安全可靠情况说明), which it lacks.
      const chapterFindings = findings.filter(
        (x) => x.ruleId.startsWith('wulong.chapter.') && x.ruleId !== 'wulong.chapter.secure-reliable',
      );
      expect(chapterFindings, f.file).toHaveLength(requiredIds.length);
      expect(
        chapterFindings.filter((x) => x.status !== 'pass').map((x) => x.message),
        f.file,
      ).toEqual([]);
    }
  }, 120_000);
});
