import { describe, expect, it } from 'vitest';
import { instantToZonedTime, isTimeZone, zonedTimeToInstant } from './zoned-time.js';

describe('zoned time', () => {
  it.each([
    ['2026-07-01T00:00', 'Europe/Amsterdam', '2026-06-30T22:00:00.000Z'],
    ['2026-01-15T09:30', 'Europe/Amsterdam', '2026-01-15T08:30:00.000Z'],
    ['2025-05-05T00:00', 'America/Sao_Paulo', '2025-05-05T03:00:00.000Z'],
    ['2023-07-19T00:00', 'Europe/Stockholm', '2023-07-18T22:00:00.000Z'],
    ['2026-07-01T00:00', 'UTC', '2026-07-01T00:00:00.000Z'],
    ['2026-07-01T12:00', 'Asia/Kolkata', '2026-07-01T06:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, instant) => {
    expect(zonedTimeToInstant(local, zone)?.toISOString()).toBe(instant);
    expect(instantToZonedTime(new Date(instant), zone)).toBe(local);
  });

  it('settles the offset on the day daylight saving starts', () => {
    // 29 March 2026, Amsterdam: 02:00 CET jumps to 03:00 CEST.
    expect(zonedTimeToInstant('2026-03-29T01:30', 'Europe/Amsterdam')?.toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-03-29T03:30', 'Europe/Amsterdam')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it.each([
    ['2026-02-30T00:00', 'UTC'],
    ['2026-07-01T24:00', 'UTC'],
    ['2026-07-01', 'UTC'],
    ['2026-07-01T00:00:00Z', 'UTC'],
    ['2026-07-01T00:00', 'Mars/Olympus'],
  ])('refuses %s in %s', (local, zone) => {
    expect(zonedTimeToInstant(local, zone)).toBeNull();
  });

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
  });
});
