import { describe, expect, it } from 'vitest';
import { dayBefore, daysFromTo, percentOf, utcDay } from './days.js';

describe('day arithmetic', () => {
  it('takes the UTC day, whatever the hour', () => {
    expect(utcDay(new Date('2026-11-23T23:59:59.999Z'))).toBe('2026-11-23');
    expect(utcDay(new Date('2026-11-24T00:00:00Z'))).toBe('2026-11-24');
  });

  it('steps over month and leap-year ends', () => {
    expect(dayBefore('2028-03-01', 1)).toBe('2028-02-29');
    expect(dayBefore('2026-12-31', -1)).toBe('2027-01-01');
  });

  it('lists the days of a range, both ends included', () => {
    expect(daysFromTo('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysFromTo('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('gives percentages with one decimal, and 0 for nobody', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
  });
});
