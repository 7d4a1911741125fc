// Owns Chinese formatting at the edge of generated documents: dates (2027年3月5日), 万元 amounts, scores, the list numbering of official letters (一、（一）1.) and full-width punctuation in user text.
import { fenToWan } from '../../../shared/money';

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九 (the numerals of list numbering; 1..99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is outside 1..99`);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

/**
 * 层次序数 of GB/T 9704 7.3.3: level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）".
 * Level-3 and level-4 markers use ASCII digits with a full stop / full-width brackets as the standard shows them.
 */
export function listMarker(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * "2027-03-05" → "2027年3月5日". A full timestamp ("2027-03-05T17:00:00Z") is read in China Standard Time (UTC+8),
 * the time zone every document of this app is dated in, so a late-evening UTC time gives the next day's date.
 */
export function formatDate(iso: string): string {
  const m = isoDate.exec(iso);
  if (!m) throw new RangeError(`formatDate: "${iso}" is not an ISO date`);
  if (iso.length === 10) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`formatDate: "${iso}" is not an ISO date`);
  const china = new Date(at.getTime() + 8 * 3600_000);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}

/** Integer fen → 万元 with two decimals and thousands separators ("720.00"); the unit is the caller's column header or suffix. */
export const formatWan = (fen: number): string => fenToWan(fen);

/** Integer fen → "720.00万元". */
export const formatWanWithUnit = (fen: number): string => `${fenToWan(fen)}万元`;

/** A score in 0.5 steps as entered: 17.5 → "17.5", 18 → "18". */
export function formatScore(score: number): string {
  if (!Number.isInteger(score * 2)) throw new RangeError(`formatScore: ${score} is not a multiple of 0.5`);
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/**
 * A score at a fixed number of decimals, the one format of a table: 17.5 → "17.50" at 2, "17.5" at 1; 18 → "18.00" /
 * "18.0". Scores are multiples of 0.5, so one or two decimals are exact.
 */
export function formatPoints(score: number, decimals: number): string {
  if (!Number.isInteger(score * 2)) throw new RangeError(`formatPoints: ${score} is not a multiple of 0.5`);
  return score.toFixed(decimals);
}

/** The range a score may take, as forms print it (分值范围): 7 → "0～7", 2.5 → "0～2.5" (浪纹线, GB/T 15834 4.13). */
export const formatRange = (max: number): string => `0～${formatScore(max)}`;

/** 「」『』 (corner brackets) as the quotation marks of Simplified Chinese documents, “” and ‘’ (GB/T 15834 4.1). */
export const cornerQuotesToCurly = (text: string): string =>
  text.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');

// Neighbours that make ASCII punctuation Chinese: Han characters and the CJK symbols block (、。「」《》…). The
// full-width replacements (U+FF01…) are deliberately not neighbours, so replacing one never makes another eligible.
const cjk = '[\\p{Script=Han}\\u3000-\\u303f]';
const fullWidth: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** , ; : ? ! after a CJK character and before one (or at the end of a line). */
const separator = new RegExp(`(?<=${cjk})[,;:?!](?=${cjk}|$|\\n)`, 'gu');
/** An innermost ( … ) pair with CJK inside it or beside it. */
const innermostPair = /\(([^()]*)\)/gu;
const hasCjk = new RegExp(cjk, 'u');

/**
 * 全角标点: ASCII , ; : ( ) ? ! in Chinese text become ，；：（）？！. Separators are converted between CJK characters
 * (or after one at a line end); brackets as a pair when the pair encloses or touches CJK text, so "(1)" in "第(1)项"
 * becomes "（1）" and "f(x)" in Latin text stays. Idempotent; never changes any other character.
 */
export function normalizePunctuation(text: string): string {
  let out = text.replace(separator, (c) => fullWidth[c] ?? c);
  // Nested pairs resolve from the inside out, so repeat until nothing changes.
  for (;;) {
    const next = out.replace(innermostPair, (whole, inner: string, offset: number, all: string) => {
      const before = all.slice(0, offset).slice(-1);
      const after = all.slice(offset + whole.length, offset + whole.length + 1);
      return hasCjk.test(inner) || hasCjk.test(before) || hasCjk.test(after) ? `（${inner}）` : whole;
    });
    if (next === out) return out;
    out = next;
  }
}

const quoteOpen = new Set(['“', '‘']);
const quoteClose: Record<string, string> = { '”': '“', '’': '‘' };

/**
 * 引号嵌套: quotation marks inside quotation marks alternate, “outer ‘inner “third”’”, as Chinese usage requires (GB/T
 * 15834 4.1.3). A name quoted inside a quoted title — 关于“武隆区政务服务“一网通办”…项目”的… — becomes
 * 关于“武隆区政务服务‘一网通办’…项目”的…. Only marks that pair up are changed (a lone ’ stays an apostrophe, an
 * unclosed “ stays as typed, ’ between letters is an apostrophe); idempotent.
 */
export function nestQuotes(text: string): string {
  const chars = [...text];
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  chars.forEach((c, i) => {
    if (quoteOpen.has(c)) stack.push(i);
    else if (c in quoteClose) {
      // ’ between two Latin letters is an apostrophe (don’t), not a closing mark.
      if (c === '’' && /\p{L}/u.test(chars[i - 1] ?? '') && /[A-Za-z]/.test(chars[i + 1] ?? '')) return;
      // A closing mark closes the innermost open mark, whichever of the two it was typed as.
      if (stack.length > 0) pairs.push([stack.pop() as number, i]);
    }
  });
  if (pairs.length === 0) return text;
  const depthOf = (open: number) => pairs.filter(([o, e]) => o < open && e > open).length;
  for (const [open, close] of pairs) {
    const inner = depthOf(open) % 2 === 1;
    chars[open] = inner ? '‘' : '“';
    chars[close] = inner ? '’' : '”';
  }
  return chars.join('');
}
