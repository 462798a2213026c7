import type { Clock } from '../../ports/clock.js';

/** The wall clock of the machine the server runs on. */
export const systemClock: Clock = { now: () => new Date() };
