// Owns checking what the expert types: a score against its sub-criterion (0..max in 0.5 steps), an approved amount against its budget line, the length of every opinion (意见字数上限), and reading typed numbers (full-width digits, 万元 to integer fen) — shared so the form validates as the expert types and the core refuses the same.
import type { RubricDimension } from './profile';
import { fenToWan } from './money';
import type { BudgetLineAmount, Review } from './scoring';

type SubCriterion = Pick<RubricDimension['subCriteria'][number], 'name' | 'maxPoints'>;

/** What a typed field reads as: a value (null when the field is empty) or a Chinese message for the expert. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; message: string };

/**
 * Full-width digits, point and minus (４.５, －１) fold to ASCII under NFKC; the ideographic full stop 。 is what a
 * Chinese IME types for a point. Spaces anywhere are dropped.
 */
function normalizeTyped(text: string): string {
  return text.normalize('NFKC').replace(/。/g, '.').replace(/\s/g, '');
}

/** null when the score is valid, else the message naming the criterion. */
export function validateScore(value: number, subCriterion: SubCriterion): string | null {
  const valid = Number.isFinite(value) && value >= 0 && value <= subCriterion.maxPoints && Number.isInteger(value * 2);
  return valid ? null : `「${subCriterion.name}」的得分应在 0–${subCriterion.maxPoints} 分之间，按 0.5 分递增`;
}

/** Reads a typed score ("4.5", "４.５", "4.5分"; "" clears it) and validates it against the sub-criterion. */
export function parseScore(text: string, subCriterion: SubCriterion): Parsed<number> {
  const typed = normalizeTyped(text).replace(/分$/, '');
  if (typed === '') return { ok: true, value: null };
  // A trailing point ("4.") is accepted: the expert is still typing.
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(typed)) return { ok: false, message: `「${subCriterion.name}」的得分应为数字，如 4.5` };
  const value = Number(typed);
  const message = validateScore(value, subCriterion);
  return message ? { ok: false, message } : { ok: true, value };
}

/** Decimal places that make one fen (分): 1 万元 = 1,000,000 分, 1 元 = 100 分. */
const fenDecimals = { wan: 6, yuan: 2 } as const;
const unitWords = { wan: /万元?$/, yuan: /元$/ } as const;

/** Reads a typed amount in 万元 or 元 ("12.5", "１,２００", "3.2万元"; "" clears it) as integer fen, exactly (no floating point). */
export function parseAmountFen(text: string, unit: 'wan' | 'yuan'): Parsed<number> {
  const typed = normalizeTyped(text).replace(unitWords[unit], '').replace(/,/g, '');
  if (typed === '') return { ok: true, value: null };
  if (/^-/.test(typed)) return { ok: false, message: '金额不能为负数' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(typed);
  if (!match || (match[1] === '' && !match[2]))
    return { ok: false, message: `金额应为数字（单位：${unit === 'wan' ? '万元' : '元'}），如 12.5` };
  const decimals = fenDecimals[unit];
  const fraction = match[2] ?? '';
  if (fraction.replace(/0+$/, '').length > decimals)
    return { ok: false, message: `金额最多精确到分（${unit === 'wan' ? '万元' : '元'}后 ${decimals} 位小数）` };
  const fen = BigInt(match[1] || '0') * 10n ** BigInt(decimals) + BigInt(fraction.slice(0, decimals).padEnd(decimals, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: '金额过大' };
  return { ok: true, value: Number(fen) };
}

/** null when the approved amount (核定金额) is whole fen between 0 and the requested amount, else a message naming the line. */
export function validateApprovedFen(approvedFen: number, line: BudgetLineAmount): string | null {
  const valid = Number.isSafeInteger(approvedFen) && approvedFen >= 0 && approvedFen <= line.amountFen;
  return valid ? null : `「${line.name}」的核定金额应在 0–${fenToWan(line.amountFen)} 万元之间`;
}

/**
 * Characters (code points) an opinion may hold: one dimension's opinion, reason or chapter opinion is a paragraph of the
 * letter; the overall opinion a few. Longer text made a 38-page form, so the form counts and the core refuses beyond this.
 */
export const opinionLimits = { field: 2000, overall: 5000 } as const;

/** Length as the counter shows it: code points, so a character outside the BMP counts once. */
export const textLength = (text: string): number => [...text].length;

interface TextNames {
  dimension(id: string): string;
  chapter(id: string): string;
  line(id: string): string;
}

/** null when every text of the review is within its limit, else the message naming the first field over it. */
export function overLongText(review: Review, names: TextNames): string | null {
  const fields: [string, string, number][] = [];
  for (const [id, d] of Object.entries(review.dimensions)) {
    if (!d) continue;
    fields.push([`「${names.dimension(id)}」评审意见`, d.opinion, opinionLimits.field]);
    fields.push([`「${names.dimension(id)}」低分理由`, d.lowScoreReason, opinionLimits.field]);
  }
  for (const [id, text] of Object.entries(review.chapterOpinions))
    fields.push([`篇章意见「${names.chapter(id)}」`, text, opinionLimits.field]);
  for (const [id, line] of Object.entries(review.investment))
    fields.push([`「${names.line(id)}」核减理由`, line.reason, opinionLimits.field]);
  fields.push(['评审结论的理由', review.conclusion.reason, opinionLimits.field]);
  fields.push(['利害关系说明', review.conflict?.note ?? '', opinionLimits.field]);
  fields.push(['总体评审意见', review.overallOpinion, opinionLimits.overall]);
  for (const [label, text, max] of fields) {
    const length = textLength(text);
    if (length > max) return `${label}共 ${length} 字，超过上限 ${max} 字，未保存。请精简到 ${max} 字以内。`;
  }
  return null;
}
