// Owns what a heading, a table-of-contents entry and a page-number line look like in Chinese proposal text.

/** A line of extracted text; `emphasised` is the layout's vote (larger font, heading style, all bold). */
export interface CuedLine {
  text: string;
  page: number;
  emphasised: boolean;
  /** Heading level the layout itself declares (DOCX h1–h6): such a line is a heading with or without a number. */
  level?: number;
}

export interface Heading {
  text: string;
  page?: number;
  level?: number;
}

export interface Numbering {
  /** The title without its number, e.g. `数据资源共享分析`. */
  title: string;
  level: number;
  /** Strong forms (第X章, 一、, （一）, 1.1) are headings by themselves; weak ones (1., （1）) need the layout's vote. */
  strong: boolean;
}

/** NFKC folds full-width digits, letters and punctuation (（ → (, ． → .) to half-width; whitespace runs become one space. */
export const normalizeLine = (line: string): string => line.normalize('NFKC').replace(/\s+/g, ' ').trim();

const cnDigits = '一二三四五六七八九十百零〇两';
const numberings: { re: RegExp; level: (m: RegExpExecArray) => number; strong: boolean }[] = [
  { re: new RegExp(`^第 ?[${cnDigits}\\d]+ ?(章|篇|部分|节) ?`), level: (m) => (m[1] === '节' ? 2 : 1), strong: true },
  { re: new RegExp(`^[${cnDigits}]+ ?[、.] ?`), level: () => 1, strong: true },
  { re: new RegExp(`^\\( ?[${cnDigits}]+ ?\\) ?`), level: () => 2, strong: true },
  // 1.1 / 5.1.2 — but not a decimal amount at the start of a wrapped line (1.5万元, 2.3%).
  { re: /^(\d{1,2}(?:\.\d{1,2})+)\.?(?=[ \p{Script=Han}])(?![万亿元个年月日次倍])/u, level: (m) => m[1]!.split('.').length, strong: true },
  { re: /^\d{1,2} ?[.、] ?(?=[^\d ])/, level: () => 1, strong: false },
  // GB/T 1.1 style: number, (ideographic) space, title — `4　信息资源共享分析`. Weak: a wrapped line can start `12 个月`.
  { re: /^\d{1,2} (?=\p{Script=Han})(?![万亿元个年月日次倍])/u, level: () => 1, strong: false },
  { re: /^(?:\( ?\d{1,2} ?\)|\d{1,2}\)) ?/, level: () => 3, strong: false },
];

/** Splits a leading section number off a normalised line. */
export function parseNumbering(line: string): Numbering | null {
  for (const n of numberings) {
    const m = n.re.exec(line);
    if (m) return { title: line.slice(m[0].length).trim(), level: n.level(m), strong: n.strong };
  }
  return null;
}

/** `目录`, `目 录`, `目次` — the title of a table of contents. */
export const isTocTitle = (line: string): boolean => /^(目录|目次)$/.test(line.replace(/\s/g, ''));

const leaderEntry = /^(.*?\S) ?(?:[.·•…⋯_\-—]{2,}) ?(\d{1,4})$/;
const spacedEntry = /^(.*?\S) (\d{1,4})$/;

/**
 * A table-of-contents entry: a title, a dot leader and a page number. Without a leader (`数据资源共享分析 12`, a Word TOC
 * tab) the line counts only where the caller knows it is inside a table of contents.
 */
export function tocEntry(line: string, inToc: boolean): { title: string; pageNumber: number } | null {
  const m = leaderEntry.exec(line) ?? (inToc ? spacedEntry.exec(line) : null);
  // Both patterns' groups always participate in a match.
  if (!m || !/\p{Script=Han}/u.test(m[1]!)) return null;
  return { title: m[1]!.replace(/[ .·•…⋯_\-—]+$/, ''), pageNumber: Number(m[2]) };
}

/** The printed page number of a header or footer line: `— 5 —`, `- 5 -`, `5`, `第 5 页`, `第5页 共20页`, `5/20`. */
export function pageNumberLabel(line: string): number | null {
  const m =
    /^[-—–~ ]*(\d{1,4})[-—–~ ]*$/.exec(line) ??
    /^第 ?(\d{1,4}) ?页(?: ?[,，/]? ?共 ?\d+ ?页)?$/.exec(line) ??
    /^(\d{1,4}) ?\/ ?\d{1,4}$/.exec(line);
  return m ? Number(m[1]) : null;
}

/** A numbered (normalised) line short enough and unpunctuated enough to be a heading rather than a sentence or a TOC entry. */
export function headingCandidate(line: string): Numbering | null {
  if (line.length > 40 || /[。；;，,：:！!？?]$/.test(line) || tocEntry(line, true)) return null;
  const n = parseNumbering(line);
  if (!n || n.title.length < 2 || n.title.length > 30 || /[。；;，,]/.test(n.title) || !/\p{Script=Han}/u.test(n.title)) return null;
  return n;
}

/** How many emphasised numbered lines show that the document sets its headings apart from body text. */
const STYLED_HEADINGS = 3;

/**
 * Picks the heading lines of one document. TOC lines never count, and in paged layouts (PDF) nothing on a
 * table-of-contents page does. When the document visibly styles its headings, an unstyled numbered line is a list
 * item or a wrapped sentence; otherwise the strong numbering forms carry the decision alone.
 */
export function recogniseHeadings(lines: CuedLine[], paged: boolean): Heading[] {
  const tocPages = new Set<number>();
  if (paged) {
    const leaders = new Map<number, number>();
    for (const l of lines) {
      if (isTocTitle(l.text)) tocPages.add(l.page);
      else if (leaderEntry.test(normalizeLine(l.text))) leaders.set(l.page, (leaders.get(l.page) ?? 0) + 1);
    }
    for (const [page, n] of leaders) if (n >= 3) tocPages.add(page);
  }
  const candidates: { line: CuedLine; level: number; strong: boolean }[] = [];
  for (const line of lines) {
    const text = normalizeLine(line.text);
    if (tocPages.has(line.page) || isTocTitle(text)) continue;
    if (line.level !== undefined) {
      if (!tocEntry(text, true)) candidates.push({ line, level: line.level, strong: true });
      continue;
    }
    const numbering = headingCandidate(text);
    if (numbering) candidates.push({ line, level: numbering.level, strong: numbering.strong });
  }
  const styled = candidates.filter((c) => c.line.emphasised).length >= STYLED_HEADINGS;
  return candidates
    .filter((c) => (styled ? c.line.emphasised : c.strong || c.line.emphasised))
    .map((c) => ({ text: c.line.text, page: c.line.page, level: c.level }));
}
