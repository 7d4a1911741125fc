// Owns finding a proposal's required chapters (篇章) in its headings and table of contents, whatever their numbering or wording.
import type { ChapterMatch, DocumentText, RequiredChapter } from '../../../shared/precheck';
import { headingCandidate, isTocTitle, normalizeLine, pageNumberLabel, parseNumbering, tocEntry } from '../documents/headingLines';

interface TocLine {
  /** The whole line as extracted. */
  line: string;
  title: string;
  /** The page number the entry prints. */
  pageNumber: number;
  /** The page the table of contents is on. */
  page: number;
}

/** A document submitted beside the proposal, which may be a required chapter written as a file of its own. */
export interface CompanionDocument {
  documentId: string;
  title: string;
  /** Chapters its kind stands for (a profile's required document with `orChapter`: a crypto-plan file is the crypto chapter). */
  chapterIds: string[];
}

/**
 * Where each required chapter is. Only headings (bookmarks, styled or numbered heading lines) and table-of-contents
 * entries count: a sentence that names a chapter is not the chapter. A heading gives the page the chapter starts on; a
 * chapter found only in the table of contents gets the page its entry prints, mapped to the PDF page. Failing both, a
 * companion document of the chapter's kind, or titled with its name (《…密码应用方案》), is the chapter.
 */
export function detectChapters(texts: DocumentText[], required: RequiredChapter[], companions: CompanionDocument[] = []): ChapterMatch[] {
  const docs = texts.map((text) => ({ text, toc: tocLines(text) }));
  return required.map((chapter): ChapterMatch => {
    const names = [chapter.title, ...chapter.synonyms].map((n) => stem(core(n))).filter((n) => n.length >= 4);
    for (const { text } of docs) {
      const heading = text.headings.find((h) => namesChapter(h.text, names));
      if (heading) return { chapterId: chapter.id, found: true, documentId: text.documentId, page: heading.page, heading: heading.text };
    }
    for (const { text, toc } of docs) {
      const entry = toc.find((e) => namesChapter(e.title, names));
      if (entry)
        return {
          chapterId: chapter.id,
          found: true,
          documentId: text.documentId,
          page: printedToPhysical(text, toc, entry),
          heading: entry.line,
        };
    }
    const companion = companions.find((d) => d.chapterIds.includes(chapter.id) || titleNames(d.title, names));
    if (companion)
      return { chapterId: chapter.id, found: true, documentId: companion.documentId, heading: companion.title, separate: true };
    return { chapterId: chapter.id, found: false };
  });
}

/** A document title ends with the chapter's name: `武隆区智慧养老服务平台密码应用方案` is the 密码应用方案. */
function titleNames(title: string, names: string[]): boolean {
  const t = stem(core(title));
  return names.some((n) => t.endsWith(n));
}

/** A title without its number, parenthetical notes, spacing and punctuation; 与/和 read as 及; a leading 本项目/项目 dropped. */
function core(title: string): string {
  const line = normalizeLine(title);
  return (parseNumbering(line)?.title ?? line)
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/[与和]/g, '及')
    .replace(/^(本项目|项目)/, '');
}

/** The name without the words that only say what kind of chapter it is: 篇/章, 分析, 方案, 措施, 情况. */
function stem(name: string): string {
  let s = name.replace(/(篇章|篇|章|部分)$/, '');
  for (let i = 0; i < 2; i++) s = s.replace(/(分析|方案|措施|情况|说明)$/, '');
  return s;
}

/** The heading is the chapter, or joins it with another topic (数据资源共享分析及目录编制, 网络安全与密码应用方案). */
function namesChapter(heading: string, names: string[]): boolean {
  const c = core(heading);
  const parts = c.split('及');
  const readings = [c, ...parts.slice(1).flatMap((_, i) => [parts.slice(0, i + 1).join('及'), parts.slice(i + 1).join('及')])];
  return readings.some((r) => names.includes(stem(r)));
}

/**
 * Table-of-contents entries: lines with a dot leader anywhere, and leaderless `title  12` lines (a Word TOC's tab) in
 * the run after a 目录 title, or on a page that is mostly leader lines. A body paragraph ends the run.
 */
function tocLines(text: DocumentText): TocLine[] {
  const entries: TocLine[] = [];
  for (const { page, text: pageText } of text.pages) {
    const lines = pageText.split('\n').map((raw) => ({ raw, line: normalizeLine(raw) }));
    let inToc = lines.filter(({ line }) => tocEntry(line, false)).length >= 3;
    for (const { raw, line } of lines) {
      if (isTocTitle(line)) {
        inToc = true;
        continue;
      }
      const entry = tocEntry(line, inToc);
      if (entry) entries.push({ line: raw, title: entry.title, pageNumber: entry.pageNumber, page });
      else if (inToc && line && !headingCandidate(line) && pageNumberLabel(line) === null) inToc = false;
    }
  }
  return entries;
}

/**
 * A printed page number → the PDF page: by the offset the document itself shows, from its page-number footers and from
 * TOC entries whose heading was found on a known page (the commonest offset wins). Without one the printed number is
 * used if it is a page of the document, else the table of contents' own page.
 */
function printedToPhysical(text: DocumentText, toc: TocLine[], entry: TocLine): number {
  const offsets = new Map<number, number>();
  const vote = (offset: number) => offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
  for (const { page, text: pageText } of text.pages) {
    const lines = pageText.split('\n');
    const label = [...lines.slice(-2), ...lines.slice(0, 2)].map((l) => pageNumberLabel(normalizeLine(l))).find((n) => n !== null);
    if (label !== undefined) vote(page - label);
  }
  for (const e of toc) {
    const page = text.headings.find((h) => h.page !== undefined && core(h.text) === core(e.title))?.page;
    if (page !== undefined) vote(page - e.pageNumber);
  }
  const [offset] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [];
  const pageCount = text.pages.length;
  const inRange = (n: number) => n >= 1 && n <= pageCount;
  if (offset !== undefined && inRange(entry.pageNumber + offset)) return entry.pageNumber + offset;
  return inRange(entry.pageNumber) ? entry.pageNumber : entry.page;
}
