// Chinese formatting at the edge: numerals of list numbering (property-tested 1..99), dates, 万元, scores, and full-width punctuation (idempotent, never touching CJK characters).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  formatDate,
  formatScore,
  formatWan,
  formatWanWithUnit,
  listMarker,
  nestQuotes,
  normalizePunctuation,
} from '../../../electron/core/output/typography';

const digitOf: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads a numeral back independently of how it was written. */
function parseNumeral(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return digitOf[s]!;
  const tens = ten === 0 ? 1 : digitOf[s.slice(0, ten)]!;
  const ones = s.slice(ten + 1);
  return tens! * 10 + (ones ? digitOf[ones]! : 0);
}

describe('Chinese numerals', () => {
  it('writes the letter forms', () => {
    expect([1, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect([listMarker(1, 2), listMarker(2, 11), listMarker(3, 3), listMarker(4, 12)]).toEqual(['二、', '（十一）', '3.', '（12）']);
  });

  it('round-trips 1..99 with no 零 and no leading 一十', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const s = chineseNumeral(n);
        expect(parseNumeral(s)).toBe(n);
        expect(s).not.toMatch(/零|^一十/);
        expect(s.length).toBeLessThanOrEqual(3);
      }),
    );
    expect(new Set(Array.from({ length: 99 }, (_, i) => chineseNumeral(i + 1))).size).toBe(99);
  });

  it('refuses numbers it cannot write', () => {
    for (const n of [0, 100, 1.5, -1]) expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe('dates, amounts and scores', () => {
  it('formats ISO dates, and timestamps in China time', () => {
    expect(formatDate('2027-03-05')).toBe('2027年3月5日');
    expect(formatDate('2027-12-31')).toBe('2027年12月31日');
    expect(formatDate('2027-03-05T15:59:00Z')).toBe('2027年3月5日');
    expect(formatDate('2027-03-05T16:00:00Z')).toBe('2027年3月6日');
    expect(formatDate('2027-03-05T09:00:00+08:00')).toBe('2027年3月5日');
    expect(() => formatDate('5/3/2027')).toThrow(RangeError);
  });

  it('formats fen as 万元 with two decimals', () => {
    expect(formatWan(720_000_000)).toBe('720.00');
    expect(formatWan(123_456_789)).toBe('123.46');
    expect(formatWanWithUnit(28_200_000)).toBe('28.20万元');
    expect(formatWan(3_252_760_000)).toBe('3,252.76');
  });

  it('formats scores in half points', () => {
    expect([formatScore(17.5), formatScore(18), formatScore(0), formatScore(0.5)]).toEqual(['17.5', '18', '0', '0.5']);
    expect(() => formatScore(17.25)).toThrow(RangeError);
  });
});

describe('full-width punctuation', () => {
  it('converts separators between Chinese characters and bracket pairs touching Chinese', () => {
    expect(normalizePunctuation('方案可行,建议通过;但需补充:密码方案')).toBe('方案可行，建议通过；但需补充：密码方案');
    expect(normalizePunctuation('是否必要?是!')).toBe('是否必要？是！');
    expect(normalizePunctuation('单价偏高(按市场价核定)')).toBe('单价偏高（按市场价核定）');
    expect(normalizePunctuation('第(1)项')).toBe('第（1）项');
    expect(normalizePunctuation('外层(含(内层)说明)')).toBe('外层（含（内层）说明）');
  });

  it('leaves Latin text, numbers and times alone', () => {
    for (const s of ['f(x) = a, b; c: d?', '1,234.56', '09:30', 'SSL VPN(2)', 'A,中']) expect(normalizePunctuation(s)).toBe(s);
  });

  const pieces = fc.constantFrom(...'中文项目评审，。、（）,;:()?! aZ1\n'.split(''), '可行', '(1)', '《办法》');
  const texts = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(normalizePunctuation(normalizePunctuation(s))).toBe(normalizePunctuation(s));
      }),
    );
  });

  it('never changes a CJK character, only ASCII punctuation into its full-width form, and keeps the length', () => {
    const fullOf: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
    fc.assert(
      fc.property(fc.oneof(texts, fc.string()), (s) => {
        const out = normalizePunctuation(s);
        const a = [...s];
        const b = [...out];
        expect(b.length).toBe(a.length);
        a.forEach((c, i) => {
          if (b[i] !== c) expect(fullOf[c]).toBe(b[i]);
        });
      }),
    );
  });
});

describe('nestQuotes', () => {
  it('turns quotation marks inside quotation marks into single ones, alternating by depth', () => {
    expect(nestQuotes('关于“武隆区政务服务“一网通办”综合受理系统建设项目”的专家评议意见')).toBe(
      '关于“武隆区政务服务‘一网通办’综合受理系统建设项目”的专家评议意见',
    );
    expect(nestQuotes('“甲“乙“丙”乙”甲”')).toBe('“甲‘乙“丙”乙’甲”');
    expect(nestQuotes('“一网通办”和“最多跑一次”')).toBe('“一网通办”和“最多跑一次”');
    expect(nestQuotes('关于“武隆区‘一网通办’平台”')).toBe('关于“武隆区‘一网通办’平台”');
  });

  it('leaves unpaired marks and apostrophes as typed', () => {
    expect(nestQuotes('未闭合“引号')).toBe('未闭合“引号');
    expect(nestQuotes('“I don’t know”')).toBe('“I don’t know”');
    expect(nestQuotes('it’s fine')).toBe('it’s fine');
  });

  it('is idempotent and changes nothing but quotation marks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('“', '”', '‘', '’', '甲', '乙', 'a', ' '), { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        const once = nestQuotes(text);
        expect(nestQuotes(once)).toBe(once);
        expect(once.replace(/[“”‘’]/g, '')).toBe(text.replace(/[“”‘’]/g, ''));
      }),
    );
  });
});
