import type { Locale } from './locales.js';

/** "1 July 2026 at 00:00 (Europe/Amsterdam)": a deadline in the zone it was set in, in the reader's words. */
export function formatDeadline(locale: Locale, at: Date, timeZone: string): string {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    at,
  );
  return `${when} (${timeZone.replaceAll('_', ' ')})`;
}
