import type { Locale } from '../../../i18n/locales.js';
import { formatDate, formatDateTime } from '../shared/time-format.js';

/**
 * A moment, written in UTC by the server; app.js rewrites it in the reader's own time zone.
 * `datetime` carries the exact instant for both.
 */
export function LocalTime(props: { locale: Locale; at: Date; dateOnly?: boolean }) {
  const text = props.dateOnly ? formatDate(props.locale, props.at) : formatDateTime(props.locale, props.at);
  return (
    <time datetime={props.at.toISOString()} data-local={props.dateOnly ? 'date' : 'datetime'}>
      {text}
    </time>
  );
}
