import type { Locale } from '../../../i18n/locales.js';

/**
 * A moment as the locale writes it, in UTC and saying so: the server does not know the reader's
 * time zone. app.js rewrites each <time> into the browser's own zone when scripts run.
 */
export function formatDateTime(locale: Locale, at: Date): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(at);
}

export function formatDate(locale: Locale, at: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "now", "5 minutes ago", "yesterday": the largest whole unit, so the words stay short. */
export function formatRelative(locale: Locale, at: Date, now: Date): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}
