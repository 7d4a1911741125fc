// Owns the number Word displays before a list paragraph: numbering.xml's lists and levels, counters in document order, and Word's number formats.
import type { Styles } from './docxStyles';
import { isOn, val, walk } from './docxXml';

/** Word allows nine list levels (w:ilvl 0–8). */
const LEVELS = 9;

interface Level {
  start: number;
  format: string;
  text: string;
  /** A paragraph style bound to this level (heading numbering defined with the style). */
  style?: string;
  legal: boolean;
  suffix: string;
}

const cnDigits = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: the 中文 counting Word's chineseCounting formats produce. */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += (d === 1 && unit === '十' && out === '' ? '' : cnDigits[d]!) + unit;
    }
  });
  return out;
}

const letters = (n: number, base: string) => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = base[(k - 1) % 26]! + s;
  return s;
};
const roman = (n: number): string => {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table) for (; k >= v; k -= v) s += r;
  return s;
};

/** One counter value in a level's format (w:numFmt). Unknown formats fall back to decimal, as Word does for display in most. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Word's list counters, advanced paragraph by paragraph in document order. */
export class Numbering {
  private readonly abstracts = new Map<string, Level[]>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(
    xml: string | undefined,
    private readonly styles: Styles,
  ) {
    if (xml === undefined) return;
    let abstract: Level[] | undefined;
    let level: Level | undefined;
    let num: { abstractId: string; starts: Map<number, number> } | undefined;
    let overrideLevel: number | undefined;
    walk(xml, {
      open: (tag, path) => {
        const parent = path.at(-1);
        if (tag.name === 'w:abstractNum') {
          abstract = [];
          this.abstracts.set(tag.attributes['w:abstractNumId'] ?? '', abstract);
        } else if (tag.name === 'w:lvl' && abstract && parent === 'w:abstractNum') {
          const ilvl = Number(tag.attributes['w:ilvl']);
          level = { start: 1, format: 'decimal', text: '', legal: false, suffix: ' ' };
          if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl < LEVELS) abstract[ilvl] = level;
        } else if (level && parent === 'w:lvl') {
          if (tag.name === 'w:start') level.start = Number(val(tag)) || 0;
          else if (tag.name === 'w:numFmt') level.format = val(tag) ?? 'decimal';
          else if (tag.name === 'w:lvlText') level.text = val(tag) ?? '';
          else if (tag.name === 'w:pStyle') level.style = val(tag);
          else if (tag.name === 'w:isLgl') level.legal = isOn(tag);
          // Word's default suffix is a tab; in a heading line it reads as a space.
          else if (tag.name === 'w:suff') level.suffix = val(tag) === 'nothing' ? '' : ' ';
        } else if (tag.name === 'w:num') {
          num = { abstractId: '', starts: new Map() };
          this.nums.set(tag.attributes['w:numId'] ?? '', num);
        } else if (num && tag.name === 'w:abstractNumId') num.abstractId = val(tag) ?? '';
        else if (num && tag.name === 'w:lvlOverride') overrideLevel = Number(tag.attributes['w:ilvl']);
        else if (num && overrideLevel !== undefined && tag.name === 'w:startOverride') num.starts.set(overrideLevel, Number(val(tag)) || 0);
      },
      close: (name) => {
        if (name === 'w:abstractNum') abstract = undefined;
        else if (name === 'w:lvl') level = undefined;
        else if (name === 'w:num') num = undefined;
        else if (name === 'w:lvlOverride') overrideLevel = undefined;
      },
    });
  }

  /** The label of the next paragraph with this numbering (`第三章`, `5.1`), or '' for bullets and unknown lists. */
  next(styleId: string | undefined, own: { numId?: string; ilvl?: number }): { label: string; suffix: string } {
    const fromStyle = this.styles.numPr(styleId);
    const numId = own.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return { label: '', suffix: '' };
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstractId);
    if (!num || !levels) return { label: '', suffix: '' };
    const styleLevel = styleId === undefined ? -1 : levels.findIndex((l) => l?.style === styleId);
    const ilvl = Math.min(LEVELS - 1, Math.max(0, own.ilvl ?? fromStyle?.ilvl ?? (styleLevel >= 0 ? styleLevel : 0)));
    const startOf = (k: number) => num.starts.get(k) ?? levels[k]?.start ?? 1;
    // Counters belong to the abstract list; a num with start overrides begins it afresh the first time it is used.
    let counts = this.counters.get(num.abstractId);
    if (!counts || (num.starts.size > 0 && !this.restarted.has(numId))) {
      counts = Array.from({ length: LEVELS }, (_, k) => startOf(k) - 1);
      this.counters.set(num.abstractId, counts);
      this.restarted.add(numId);
    }
    counts[ilvl]!++;
    for (let k = ilvl + 1; k < LEVELS; k++) counts[k] = startOf(k) - 1;
    const level = levels[ilvl];
    if (!level || level.format === 'bullet' || level.format === 'none') return { label: '', suffix: '' };
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const format = level.legal ? 'decimal' : (levels[k]?.format ?? 'decimal');
      return formatNumber(Math.max(counts[k]!, startOf(k)), format);
    });
    return { label, suffix: level.suffix };
  }
}
