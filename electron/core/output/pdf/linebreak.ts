// Owns Chinese line breaking (断行) for the PDF renderer: a break may fall between any two CJK characters, Latin words
// and numbers stay whole, 避头尾 keeps closing punctuation off a line's start and opening punctuation off its end, and
// justified lines share their spare width between the units. Pure: widths come in with the units.

/** cjk: one CJK character or full-width mark; word: a run of Latin letters, digits and ASCII marks; newline: a hard break. */
export type UnitKind = 'cjk' | 'word' | 'space' | 'newline';

export interface Unit {
  text: string;
  kind: UnitKind;
  width: number;
  /** No break before this unit: it continues the previous word across a change of style. */
  glued: boolean;
}

/** 避头: marks that may not start a line. */
export const closingMarks = new Set([...'，。、；：？！）》」』”’…—％〉】〕〗〙〛｝］〞・·‥‰℃°,.;:?!)]}%']);
/** 避尾: marks that may not end a line. */
export const openingMarks = new Set([...'（《「『“‘〈【〔〖〘〚｛［〝([{']);

const wordChar = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e]/u;

/** Splits text into unmeasured units; concatenating their texts gives the input back. */
export function splitUnits(text: string): { text: string; kind: UnitKind }[] {
  const out: { text: string; kind: UnitKind }[] = [];
  for (const ch of text) {
    if (ch === '\n') out.push({ text: ch, kind: 'newline' });
    else if (ch === ' ') out.push({ text: ch, kind: 'space' });
    else if (wordChar.test(ch)) {
      const last = out[out.length - 1];
      if (last?.kind === 'word') last.text += ch;
      else out.push({ text: ch, kind: 'word' });
    } else out.push({ text: ch, kind: 'cjk' });
  }
  return out;
}

const first = (s: string) => String.fromCodePoint(s.codePointAt(0) as number);
const last = (s: string) => [...s].pop() as string;

/** Whether a line may end before `units[i]`. */
export function canBreakBefore(units: readonly Unit[], i: number): boolean {
  if (i <= 0 || i >= units.length) return false;
  const a = units[i - 1]!; // 0 < i < units.length, checked above
  const b = units[i]!;
  if (b.glued || b.kind === 'space' || b.kind === 'newline') return false;
  if (a.kind === 'newline') return true;
  if (closingMarks.has(first(b.text))) return false;
  if (a.kind !== 'space' && openingMarks.has(last(a.text))) return false;
  return true;
}

/** Units [start, end) of one line; `hard` when it ends at a newline or the paragraph's end (not justified). */
export interface Line {
  start: number;
  end: number;
  hard: boolean;
}

const EPS = 1e-6;

/**
 * Greedy breaking: fill each line, and when a unit does not fit, end the line at the last legal break before it
 * (pushing a character or two down so a closing mark keeps company). Only a line with no legal break at all is cut
 * where it overflows. Spaces at a line's end hang in the margin.
 */
export function breakLines(units: readonly Unit[], firstWidth: number, restWidth: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < units.length) {
    const avail = lines.length === 0 ? firstWidth : restWidth;
    let width = 0;
    let i = start;
    let hard = false;
    while (i < units.length) {
      const u = units[i]!;
      if (u.kind === 'newline') {
        i++;
        hard = true;
        break;
      }
      if (u.kind !== 'space' && i > start && width + u.width > avail + EPS) break;
      width += u.width;
      i++;
    }
    if (hard || i >= units.length) {
      lines.push({ start, end: i, hard: true });
      start = i;
      continue;
    }
    let end = i;
    while (end > start && !canBreakBefore(units, end)) end--;
    if (end === start) end = i;
    lines.push({ start, end, hard: false });
    start = end;
  }
  return lines;
}

/** Width of a line without its hanging spaces and newline. */
export function lineWidth(units: readonly Unit[], line: Line): number {
  // A line's [start, end) lies within the units it was broken from.
  let end = line.end;
  while (end > line.start && (units[end - 1]!.kind === 'space' || units[end - 1]!.kind === 'newline')) end--;
  let width = 0;
  for (let k = line.start; k < end; k++) width += units[k]!.width;
  return width;
}

/**
 * X offset of each unit of the line from the line's left edge. When `justify` and the line is not hard, the spare
 * width is shared equally between the gaps that are not inside a word.
 */
export function positionLine(units: readonly Unit[], line: Line, avail: number, justify: boolean): number[] {
  // A line's [start, end) lies within the units it was broken from.
  let end = line.end;
  while (end > line.start && (units[end - 1]!.kind === 'space' || units[end - 1]!.kind === 'newline')) end--;
  let gaps = 0;
  for (let k = line.start + 1; k < end; k++) if (!units[k]!.glued) gaps++;
  const spare = avail - lineWidth(units, line);
  const extra = justify && !line.hard && gaps > 0 && spare > 0 ? spare / gaps : 0;
  const xs: number[] = [];
  let x = 0;
  for (let k = line.start; k < line.end; k++) {
    const u = units[k]!;
    if (k > line.start && k < end && !u.glued) x += extra;
    xs.push(x);
    x += u.width;
  }
  return xs;
}
