const dayMs = 24 * 60 * 60 * 1000;

/** The UTC calendar day of an instant, `YYYY-MM-DD`: the key of a daily snapshot. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The UTC day `days` before (negative: after) the given one. */
export function dayBefore(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - days * dayMs));
}

/** Every day from `first` to `last`, both included; empty when `last` comes first. */
export function daysFromTo(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += dayMs) {
    days.push(utcDay(new Date(t)));
  }
  return days;
}

/** Percent of `part` in `whole`, one decimal; 0 of 0 is 0 %, not a division by zero. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
