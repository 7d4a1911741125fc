// The Chinese line breaker: units, 避头尾, justification; properties: nothing lost or reordered, no avoidable closing mark at a line start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakLines,
  canBreakBefore,
  closingMarks,
  lineWidth,
  positionLine,
  splitUnits,
  type Unit,
} from '../../../../electron/core/output/pdf/linebreak';

const widths = { cjk: 1, word: 0.5, space: 0.3, newline: 0 };
function units(text: string): Unit[] {
  return splitUnits(text).map((u) => ({
    ...u,
    width: u.kind === 'word' ? [...u.text].length * widths.word : widths[u.kind],
    glued: false,
  }));
}
const lineText = (us: Unit[], l: { start: number; end: number }) =>
  us
    .slice(l.start, l.end)
    .map((u) => u.text)
    .join('');

describe('splitUnits', () => {
  it('keeps Latin words and numbers whole and splits CJK per character', () => {
    expect(splitUnits('核减233.70万元，GB/T 9704').map((u) => u.text)).toEqual([
      '核',
      '减',
      '233.70',
      '万',
      '元',
      '，',
      'GB/T',
      ' ',
      '9704',
    ]);
  });
});

describe('breakLines', () => {
  it('pushes the last character down instead of starting a line with a comma (避头)', () => {
    const us = units('一二三四五，六七');
    const ls = breakLines(us, 5, 5);
    expect(ls.map((l) => lineText(us, l))).toEqual(['一二三四', '五，六七']);
  });

  it('keeps an opening mark with the character after it (避尾)', () => {
    const us = units('一二三四《五六》');
    const ls = breakLines(us, 5, 5);
    expect(ls.map((l) => lineText(us, l))).toEqual(['一二三四', '《五六》']);
  });

  it('never splits a number', () => {
    const us = units('一二三1052.70万元');
    const ls = breakLines(us, 6, 6);
    expect(ls.map((l) => lineText(us, l))).toEqual(['一二三', '1052.70万元']);
  });

  it('justifies all lines but the last, sharing the spare width between units', () => {
    const us = units('一二三四五六七');
    const ls = breakLines(us, 5, 5);
    const first = positionLine(us, ls[0]!, 6, true);
    expect(first).toEqual([0, 1.25, 2.5, 3.75, 5]);
    expect(positionLine(us, ls[1]!, 6, true)).toEqual([0, 1]);
  });

  const alphabet = fc.constantFrom(...'评审意见函项目建设数据', ...'，。、；：？！）》”…%', ...'（《“', ...'abc12.', ' ', '\n');
  const texts = fc.array(alphabet, { maxLength: 120 }).map((a) => a.join(''));

  it('never loses or reorders characters', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 4 }), (text, width, indent) => {
        const us = units(text);
        const ls = breakLines(us, width - indent / 2, width);
        expect(ls.map((l) => lineText(us, l)).join('')).toBe(text);
        ls.forEach((l, i) => {
          expect(l.end).toBeGreaterThan(l.start);
          if (i > 0) expect(l.start).toBe(ls[i - 1]!.end);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('starts no line with a closing mark unless the previous line had no legal break', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 2, max: 30 }), (text, width) => {
        const us = units(text);
        const ls = breakLines(us, width, width);
        ls.forEach((l, i) => {
          if (i === 0 || ls[i - 1]!.hard) return;
          const starts = closingMarks.has([...us[l.start]!.text][0]!);
          if (!starts) return;
          const prev = ls[i - 1];
          for (let j = prev!.start + 1; j < prev!.end; j++) expect(canBreakBefore(us, j)).toBe(false);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('overfills a line only when it holds one unit or has no legal break', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 2, max: 30 }), (text, width) => {
        const us = units(text);
        for (const l of breakLines(us, width, width)) {
          if (lineWidth(us, l) <= width + 1e-6) continue;
          const inner = Array.from({ length: l.end - l.start - 1 }, (_, k) => l.start + 1 + k);
          expect(l.end - l.start === 1 || inner.every((j) => !canBreakBefore(us, j))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
