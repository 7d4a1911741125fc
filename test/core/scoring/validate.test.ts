// Typed scores and amounts: 0.5 steps and bounds per sub-criterion, full-width and IME input, NaN and junk, 万元/元 to exact integer fen and back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToWanExact } from '../../../shared/money';
import { parseAmountFen, parseScore, validateApprovedFen, validateScore } from '../../../shared/scoreInput';

const basis = { name: '建设依据充分性', maxPoints: 5 };
const message = '「建设依据充分性」的得分应在 0–5 分之间，按 0.5 分递增';

describe('validateScore', () => {
  it.each([0, 0.5, 1, 2.5, 4.5, 5])('%s is valid', (v) => expect(validateScore(v, basis)).toBeNull());

  it.each([-0.5, 5.5, 0.25, 4.75, 4.4, 1e-9, 5.000001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    '%s is rejected, naming the criterion',
    (v) => {
      expect(validateScore(v, basis)).toBe(message);
    },
  );

  it('a half-point maximum is inclusive', () => {
    expect(validateScore(7.5, { name: '子项', maxPoints: 7.5 })).toBeNull();
    expect(validateScore(8, { name: '子项', maxPoints: 7.5 })).toBe('「子项」的得分应在 0–7.5 分之间，按 0.5 分递增');
  });

  it('accepts exactly the multiples of 0.5 within range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 40 }), (halves) => {
        const ok = validateScore(halves / 2, { name: 'x', maxPoints: 12 }) === null;
        expect(ok).toBe(halves >= 0 && halves <= 24);
      }),
    );
  });
});

describe('parseScore', () => {
  it.each([
    ['4.5', 4.5],
    ['４.５', 4.5],
    ['４．５', 4.5],
    ['4。5', 4.5],
    [' 3 ', 3],
    ['　３　', 3],
    ['4.5分', 4.5],
    ['4.', 4],
    ['.5', 0.5],
    ['05', 5],
    ['+2', 2],
  ])('%j reads as %s', (text, value) => expect(parseScore(text, basis)).toEqual({ ok: true, value }));

  it.each(['', '   ', '　'])('%j clears the score', (text) => expect(parseScore(text, basis)).toEqual({ ok: true, value: null }));

  it.each(['-1', '－１', '6', '4.3', '4.25', '5.5'])('%j is out of range or off-step', (text) => {
    expect(parseScore(text, basis)).toEqual({ ok: false, message });
  });

  it.each(['abc', 'NaN', 'Infinity', '4,5', '1e1', '4.5.1', '.', '四', '0x5'])('%j is not a number', (text) => {
    expect(parseScore(text, basis)).toEqual({ ok: false, message: '「建设依据充分性」的得分应为数字，如 4.5' });
  });
});

describe('parseAmountFen', () => {
  it.each([
    ['12.5', 'wan', 12_500_000],
    ['１２.５万元', 'wan', 12_500_000],
    ['3.2万', 'wan', 3_200_000],
    ['0.000001', 'wan', 1],
    ['1,234.56', 'yuan', 123_456],
    ['１，２００元', 'yuan', 120_000],
    ['0', 'yuan', 0],
    ['5.', 'wan', 5_000_000],
    ['0.10', 'yuan', 10],
    ['1.230000000', 'wan', 1_230_000],
  ] as const)('%j %s → %d fen', (text, unit, fen) => expect(parseAmountFen(text, unit)).toEqual({ ok: true, value: fen }));

  it('"" clears the amount', () => expect(parseAmountFen(' ', 'wan')).toEqual({ ok: true, value: null }));

  it('rejects junk, negatives, sub-fen precision and overflow', () => {
    expect(parseAmountFen('abc', 'wan')).toEqual({ ok: false, message: '金额应为数字（单位：万元），如 12.5' });
    expect(parseAmountFen('.', 'yuan')).toEqual({ ok: false, message: '金额应为数字（单位：元），如 12.5' });
    expect(parseAmountFen('-1', 'wan')).toEqual({ ok: false, message: '金额不能为负数' });
    expect(parseAmountFen('1.001', 'yuan')).toEqual({ ok: false, message: '金额最多精确到分（元后 2 位小数）' });
    expect(parseAmountFen('0.0000001', 'wan')).toEqual({ ok: false, message: '金额最多精确到分（万元后 6 位小数）' });
    expect(parseAmountFen('99999999999999999', 'yuan')).toEqual({ ok: false, message: '金额过大' });
  });

  it('is exact where floating point is not (0.1 + 0.2 万元, 1.005 元)', () => {
    expect(parseAmountFen('0.3', 'wan')).toEqual({ ok: true, value: 300_000 });
    expect(parseAmountFen('1.005', 'wan')).toEqual({ ok: true, value: 1_005_000 });
    expect(parseAmountFen('8.29', 'yuan')).toEqual({ ok: true, value: 829 }); // 8.29 × 100 = 828.9999999999999
  });

  it('round-trips any fen amount written as 万元 with six decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const text = `${Math.floor(fen / 1_000_000)}.${String(fen % 1_000_000).padStart(6, '0')}`;
        expect(parseAmountFen(text, 'wan')).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe('validateApprovedFen', () => {
  const line = { id: 'l1', name: '服务器采购', amountFen: 12_345_678 };
  it('accepts 0 through the requested amount', () => {
    expect(validateApprovedFen(0, line)).toBeNull();
    expect(validateApprovedFen(12_345_678, line)).toBeNull();
  });
  it.each([-1, 12_345_679, 1.5, Number.NaN])('%s is rejected, naming the line', (fen) => {
    expect(validateApprovedFen(fen, line)).toBe('「服务器采购」的核定金额应在 0–12.35 万元之间');
  });
});

describe('fenToWanExact', () => {
  it('shows an approved amount so that typing it back gives the same fen', () => {
    expect(fenToWanExact(6_666_667)).toBe('6.666667');
    expect(fenToWanExact(10_000_000)).toBe('10');
    expect(fenToWanExact(0)).toBe('0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseAmountFen(fenToWanExact(fen), 'wan')).toEqual({ ok: true, value: fen });
      }),
    );
  });
});
