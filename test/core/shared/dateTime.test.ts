// How an instant is written for people: local calendar date and clock, Chinese, whatever zone the machine is in.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../shared/dateTime';

describe('formatDateTime', () => {
  it('writes the local date and time in Chinese, with seconds when asked', () => {
    // Built from local components, so the expectation holds in any time zone.
    const iso = new Date(2027, 2, 5, 8, 4, 9).toISOString();
    expect(iso.endsWith('Z')).toBe(true);
    expect(formatDateTime(iso)).toBe('2027年3月5日 08:04');
    expect(formatDateTime(iso, { seconds: true })).toBe('2027年3月5日 08:04:09');
  });

  it('reads an offset as the same instant, and returns what it cannot read as given', () => {
    expect(formatDateTime('2027-03-05T08:04:09+08:00', { seconds: true })).toBe(
      formatDateTime(new Date(Date.UTC(2027, 2, 5, 0, 4, 9)).toISOString(), { seconds: true }),
    );
    expect(formatDateTime('明天')).toBe('明天');
  });
});
