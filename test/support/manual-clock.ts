import type { Clock } from '../../src/ports/clock.js';

/** A clock tests can move by hand. */
export function manualClock(start: Date | string = '2026-01-01T00:00:00Z'): Clock & {
  set(at: Date | string): void;
  advance(ms: number): void;
} {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
