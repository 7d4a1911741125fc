// The date field's calendar arithmetic: only real calendar dates are accepted as typed, and the month grid is six
// Monday-first weeks (the Chinese calendar week) that hold the whole month.
import { describe, expect, it } from 'vitest';
import { monthGrid, parseIsoDate } from '../../renderer/ui/DateField';

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('DateField', () => {
  it('accepts YYYY-MM-DD only for dates that exist', () => {
    expect(iso(parseIsoDate('2027-03-18')!)).toBe('2027-03-18');
    expect(iso(parseIsoDate('2028-02-29')!)).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2027-13-01', '2027-04-31', '03/18/2027', '2027-3-18', '2027-03-18x', '', '二〇二七年三月']) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it('lays a month out as six Monday-first weeks that hold all its days', () => {
    for (const [month, first] of [
      ['2027-03-18', '2027-03-01'], // a Monday: the grid starts on the 1st
      ['2026-12-07', '2026-11-30'],
      ['2027-08-31', '2027-07-26'], // 1 August 2027 is a Sunday: six days of July first
    ] as const) {
      const days = monthGrid(parseIsoDate(month)!);
      expect(days).toHaveLength(42);
      expect(iso(days[0]!)).toBe(first);
      expect(days.every((d, i) => (d.getUTCDay() + 6) % 7 === i % 7)).toBe(true);
      const m = parseIsoDate(month)!.getUTCMonth();
      const inMonth = days.filter((d) => d.getUTCMonth() === m).map(iso);
      expect(inMonth[0]!.endsWith('-01')).toBe(true);
      expect(new Set(inMonth).size).toBe(new Date(Date.UTC(Number(month.slice(0, 4)), m + 1, 0)).getUTCDate());
    }
  });
});
