// Owns splitting a regulation's plain text into its title, chapters (第X章), articles (第X条 / 第6条), the numbered items
// inside articles (（一）/(1)) and annexes (附件) — pure, so it is tested on the five real regulations' own lines.
//
// Real texts are untidy: a title over two lines (朔城), a Word bookmark before a heading (泰州 `[bookmark: _GoBack]`),
// full-width spaces after the number (泰州 `第1条\u3000 `), an article number missing (达拉特 has no 第六条 and 第七条) or given
// twice (武隆 第十四条), and a sentence wrapped so that a line begins with a reference (`第十三条的相关规定`). So a line
// heads an article when it begins with 第X条 followed by a space, or by text when its number is the one expected next;
// numbers skipped or repeated are kept as written and reported as warnings for the bureau to check, never renumbered.
import type { RegulationAnnex, RegulationArticle, RegulationChapter, RegulationItem, RegulationOutline } from '../../../shared/regulation';

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL = '[〇零一二三四五六七八九十百千两0-9]+';

/** 十四 → 14, 三十二 → 32, 一百零五 → 105, 6 → 6; null for anything else. */
export function parseNumeral(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九十百千两]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  // The pattern above admits only characters that are keys of CN_UNITS or CN_DIGITS.
  for (const ch of s) {
    if (ch in CN_UNITS) {
      total += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    } else digit = CN_DIGITS[ch]!;
  }
  return total + digit;
}

/** 14 → 十四, 32 → 三十二, 105 → 一百零五 (1 ≤ n < 10000), as articles are numbered. */
export function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  const parts: string[] = [];
  const units = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ] as const;
  let rest = n;
  let zero = false;
  for (const [value, unit] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d) {
      if (zero) parts.push('零');
      parts.push(digits[d] + unit);
      zero = false;
    } else if (parts.length) zero = true;
  }
  if (rest) parts.push((zero ? '零' : '') + digits[rest]);
  return parts.join('');
}

/** A line as the patterns read it: full-width forms folded (（ → (, \u3000 → space), Word bookmarks dropped, trimmed. */
function normalize(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .trim();
}

const CJK = /[\p{Script=Han}（）《》“”]/u;
/** 总 则 → 总则: spacing between CJK characters is typesetting, not words. */
function closeUp(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.replace(/ /g, (_m, i: number) => (CJK.test(t[i - 1] ?? '') && CJK.test(t[i + 1] ?? '') ? '' : ' '));
}

const articleHead = new RegExp(`^第\\s*(${NUMERAL})\\s*条(.*)$`);
const chapterHead = new RegExp(`^第\\s*(${NUMERAL})\\s*(章|节)(.*)$`);
const annexHead = /^附件\s*([0-9]+|[一二三四五六七八九十]+)?\s*([:：])?\s*(.*)$/;
/** After 第X条 with no space: a reference wrapped onto a new line (第十三条的相关规定), not a heading. */
const continuation = /^[的、，,。；;和及与或至到之中所规第]/;
/** A running page number of a PDF (- 3 -, 第 3 页, 3): not part of any article. */
const pageNumber = /^(?:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?)$/;
const sentencePunctuation = /[，。；：,;:]/;

interface Head {
  kind: 'article' | 'chapter' | 'section' | 'annex';
  line: number;
  number: number;
  label: string;
  /** Text after the label on the heading line (an article's first sentence, a chapter's or annex's title). */
  rest: string;
}

function articleAt(norm: string, expected: number): { number: number; label: string; rest: string } | null {
  const m = articleHead.exec(norm);
  if (!m) return null;
  // Both groups of articleHead always take part in a match.
  const number = parseNumeral(m[1]!);
  if (number === null || number === 0) return null;
  const after = m[2]!;
  const spaced = after === '' || /^\s/.test(after);
  if (!spaced && (number !== expected || continuation.test(after))) return null;
  return { number, label: `第${m[1]}条`, rest: after.trim() };
}

function chapterAt(norm: string): { kind: 'chapter' | 'section'; number: number; label: string; rest: string } | null {
  const m = chapterHead.exec(norm);
  if (!m) return null;
  // All three groups of chapterHead always take part in a match.
  const number = parseNumeral(m[1]!);
  const title = m[3]!.trim();
  if (number === null || title.length > 40 || sentencePunctuation.test(title)) return null;
  return { kind: m[2] === '章' ? 'chapter' : 'section', number, label: `第${m[1]}${m[2]}`, rest: closeUp(title) };
}

function annexAt(norm: string): { number: number; label: string; rest: string } | null {
  const m = annexHead.exec(norm);
  if (!m) return null;
  const [, num, colon] = m;
  const rest = m[3]!; // (.*) always takes part in a match
  // 附件材料应当… is a sentence; a heading is 附件 alone, 附件1, or 附件：标题.
  if (!num && !colon && rest) return null;
  if (rest.length > 80 || /[。；;]$/.test(rest)) return null;
  return { number: num ? (parseNumeral(num) ?? 1) : 1, label: `附件${num ?? ''}`, rest: closeUp(rest.replace(/^[《]|[》]$/g, '')) };
}

/** The regulation's name: the unpunctuated lines right above the first heading, its status line ((试行)) set apart. */
function titleOf(lines: string[], firstHead: number): { title: string; status: string } {
  const collected: string[] = [];
  let status = '';
  for (let i = firstHead - 1; i >= 0 && collected.length < 3; i--) {
    const line = lines[i]!;
    const norm = normalize(line);
    if (!norm) continue;
    const parenthesised = /^[(（][^()（）]*[)）]$/.test(norm);
    if (parenthesised && collected.length === 0) {
      status ||= closeUp(norm).replace(/^\(/, '（').replace(/\)$/, '）');
      continue;
    }
    if (parenthesised || sentencePunctuation.test(norm) || /〔\d{4}〕|\d{4}年/.test(norm) || norm.length > 40) break;
    collected.unshift(line.trim());
  }
  return { title: closeUp(collected.join('')), status };
}

/** The numbered items of an article's text: （一）（二）… and (1)(2)…, each style counted on its own, in sequence. */
function itemsOf(text: string): RegulationItem[] {
  // Items start a line, or follow a colon or semicolon inside one (…下列条件：（一）…；（二）…).
  const starts: { at: number; style: 'cn' | 'num'; number: number; raw: string; labelEnd: number }[] = [];
  // A Markdown export may put a list bullet before the label (- （一）…).
  const pattern = /(^|\n|[：；:;。])[ \t\u3000]*(?:[-*•·][ \t\u3000]*)?([（(])\s*([一二三四五六七八九十]+|[0-9]+)\s*([)）])/g;
  for (const m of text.matchAll(pattern)) {
    // Groups 1 and 3 always take part in a match.
    const lead = m[1]!;
    const raw = m[3]!;
    const at = (m.index ?? 0) + lead.length;
    const style = /^[0-9]+$/.test(raw) ? 'num' : 'cn';
    const number = parseNumeral(raw)!;
    starts.push({ at, style, number, raw, labelEnd: (m.index ?? 0) + m[0].length });
  }
  // A list may switch style by a typing slip (泰州 第4条: （1） then （二）（三）…): a label continuing the previous
  // item's number is taken when its own style has not begun yet.
  const last: Record<'cn' | 'num', number> = { cn: 0, num: 0 };
  let previous = 0;
  const accepted = starts.filter((s) => {
    const inSequence = s.number === last[s.style] + 1 || (last[s.style] === 0 && s.number === previous + 1);
    if (!inSequence) return false;
    last[s.style] = s.number;
    previous = s.number;
    return true;
  });
  return accepted.map((s, i) => ({
    label: `（${s.raw}）`,
    text: text
      .slice(s.labelEnd, accepted[i + 1]?.at ?? text.length)
      .replace(/[；;]\s*$/, '')
      .trim(),
  }));
}

const labelOf = (n: number, arabic: boolean) => `第${arabic ? String(n) : chineseNumeral(n)}条`;

function numberingWarnings(chapters: RegulationChapter[], articles: RegulationArticle[]): string[] {
  const warnings: string[] = [];
  chapters.forEach((c, i) => {
    const prev = chapters[i - 1];
    if (prev && c.number > prev.number + 1)
      warnings.push(`${prev.label}之后是${c.label}（第 ${c.line} 行），中间的章标题缺失：请核对导入的文本是否完整。`);
  });
  const firstLine = new Map<number, number>();
  for (const [i, a] of articles.entries()) {
    const prev = articles[i - 1];
    const seen = firstLine.get(a.number);
    if (seen !== undefined) {
      warnings.push(`${a.label}出现不止一次（第 ${seen} 行、第 ${a.line} 行）：引用“${a.label}”时请核对所指的是哪一条。`);
    } else if (prev && a.number > prev.number + 1) {
      const arabic = /\d/.test(a.label);
      const missing = Array.from({ length: Math.min(a.number - prev.number - 1, 10) }, (_, k) => labelOf(prev.number + 1 + k, arabic));
      warnings.push(
        `${prev.label}之后是${a.label}（第 ${a.line} 行），缺少${missing.join('、')}${a.number - prev.number - 1 > 10 ? '等' : ''}：请核对导入的文本是否完整。`,
      );
    } else if (prev && a.number < prev.number) {
      warnings.push(`${a.label}（第 ${a.line} 行）排在${prev.label}之后，编号顺序有误：请核对。`);
    }
    if (seen === undefined) firstLine.set(a.number, a.line);
  }
  if (articles.length === 0) warnings.push('未识别出任何条款（行首形如“第一条”或“第1条”的编号）：请确认导入的是办法正文。');
  return warnings;
}

/** Splits a regulation's text into its outline. Never throws; what it cannot make sense of is left in the text. */
export function splitRegulation(input: string): RegulationOutline {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split('\n');
  const norms = lines.map(normalize);

  // Articles first, in order: the number expected next decides whether `第X条` without a space heads one.
  const heads: Head[] = [];
  let expected = 1;
  norms.forEach((norm, i) => {
    const article = articleAt(norm, expected);
    if (article) {
      heads.push({ kind: 'article', line: i, ...article });
      expected = article.number + 1;
      return;
    }
    const chapter = chapterAt(norm);
    if (chapter) heads.push({ line: i, ...chapter });
  });
  // Annexes follow the last article: an 附件 line before it is part of an article's text.
  const lastArticle = heads.filter((h) => h.kind === 'article').at(-1)?.line ?? -1;
  const firstAnnex = norms.findIndex((norm, i) => i > lastArticle && annexAt(norm) !== null);
  const body = firstAnnex === -1 ? heads : heads.filter((h) => h.line < firstAnnex);
  if (firstAnnex !== -1) {
    norms.forEach((norm, i) => {
      if (i < firstAnnex) return;
      const annex = annexAt(norm);
      if (annex) body.push({ kind: 'annex', line: i, ...annex });
    });
  }

  const firstHead = body[0]?.line ?? lines.length;
  const { title, status } = titleOf(lines, firstHead);
  const chapters: RegulationChapter[] = [];
  const articles: RegulationArticle[] = [];
  const annexes: RegulationAnnex[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  // The text under a heading runs to the next heading; running page numbers are dropped.
  const textUntil = (from: number, to: number) =>
    lines
      .slice(from, to)
      .filter((l) => !pageNumber.test(normalize(l)))
      .map((l) => l.replace(/\[bookmark:[^\]]*\]/g, '').trimEnd())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');

  body.forEach((h, i) => {
    const end = body[i + 1]?.line ?? lines.length;
    if (h.kind === 'chapter') {
      chapters.push({ label: h.label, number: h.number, title: h.rest, line: h.line + 1 });
      chapter = `${h.label} ${h.rest}`.trim();
      section = null;
    } else if (h.kind === 'section') {
      section = `${h.label} ${h.rest}`.trim();
    } else if (h.kind === 'article') {
      // The first sentence sits on the heading line after the number; the original line keeps its full-width brackets.
      const original = lines[h.line]!.replace(/\[bookmark:[^\]]*\]/g, '');
      const labelMatch = new RegExp(`^[\\s\\u3000]*第[\\s\\u3000]*${NUMERAL}[\\s\\u3000]*条[\\s\\u3000]*`).exec(original);
      const first = labelMatch ? original.slice(labelMatch[0].length).trim() : h.rest;
      const text = [first, textUntil(h.line + 1, end)].filter(Boolean).join('\n');
      articles.push({
        key: `a${articles.length + 1}`,
        label: h.label,
        number: h.number,
        chapter: section ? `${chapter ?? ''} ${section}`.trim() : chapter,
        text,
        items: itemsOf(text),
        line: h.line + 1,
      });
    } else {
      // 附件 alone on its line: the title is the next non-empty line.
      let titleLine = h.line;
      let annexTitle = h.rest;
      if (!annexTitle) {
        for (let j = h.line + 1; j < end; j++) {
          const norm = norms[j];
          if (!norm) continue;
          if (norm.length <= 60 && !sentencePunctuation.test(norm) && !norm.startsWith('|')) {
            annexTitle = closeUp(norm);
            titleLine = j;
          }
          break;
        }
      }
      annexes.push({
        key: `x${annexes.length + 1}`,
        label: h.label,
        title: annexTitle,
        text: textUntil(titleLine + 1, end),
        line: h.line + 1,
      });
    }
  });

  return { title, status, chapters, articles, annexes: mergeAnnexes(annexes), warnings: numberingWarnings(chapters, articles) };
}

/**
 * `附件：标题` listed under the last article and the annex itself further down are one annex: an entry with no text of
 * its own gives way to a later one of the same title or label.
 */
function mergeAnnexes(annexes: RegulationAnnex[]): RegulationAnnex[] {
  const kept = annexes.filter(
    (a, i) =>
      a.text.trim() !== '' ||
      !annexes.some((b, j) => j > i && b.text.trim() !== '' && ((a.title && b.title === a.title) || b.label === a.label)),
  );
  return kept.map((a, i) => ({ ...a, key: `x${i + 1}` }));
}
