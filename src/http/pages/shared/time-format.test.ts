import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelative } from './time-format.js';

const now = new Date('2026-11-23T09:00:00Z');
const before = (ms: number) => new Date(now.getTime() - ms);

describe('formatRelative', () => {
  it.each([
    ['en', 10_000, 'now'],
    ['en', 5 * 60_000, '5 minutes ago'],
    ['en', 3 * 3_600_000, '3 hours ago'],
    ['en', 26 * 3_600_000, 'yesterday'],
    ['nl', 5 * 60_000, '5 minuten geleden'],
    ['sv', 5 * 60_000, 'för 5 minuter sedan'],
    ['pt-BR', 5 * 60_000, 'há 5 minutos'],
  ] as const)('%s, %d ms ago → %s', (locale, ago, text) => {
    expect(formatRelative(locale, before(ago), now)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('says the date in the locale and that the time is UTC', () => {
    expect(formatDateTime('en', now)).toBe('Nov 23, 2026, 9:00 AM UTC');
    expect(formatDateTime('nl', now)).toBe('23 nov 2026, 09:00 UTC');
  });

  it('writes a date alone for "added on"', () => {
    expect(formatDate('sv', now)).toBe('23 nov. 2026');
  });
});
