import type { Child } from 'hono/jsx';
import type { AuditEvent } from '../../../core/types.js';
import { deviceLabel } from '../../../i18n/device-label.js';
import { auditSentence, isWarning } from '../security/audit-sentence.js';
import type { PageContext } from '../shared/page-context.js';
import { LocalTime } from './local-time.js';

/**
 * Security events in plain sentences, newest as given, each with when, from which device and
 * from where; warnings stand out. `details` adds lines under an event's sentence.
 */
export function ActivityList(props: {
  page: PageContext;
  events: AuditEvent[];
  /** Draws a warning sign before the sentence of a warning. */
  warningIcon?: boolean;
  details?: (event: AuditEvent) => Child;
}) {
  const { page, events } = props;
  const { t, locale } = page;
  if (events.length === 0) return <p class="panel-note">{t('security.activity.empty')}</p>;
  return (
    <ol class="activity-list">
      {events.map((event) => (
        <li class={isWarning(event.type) ? 'activity activity-warning' : 'activity'}>
          <p class="activity-what">
            {props.warningIcon && isWarning(event.type) && <WarningIcon />}
            {auditSentence(t, event.type)}
          </p>
          {props.details?.(event)}
          <p class="activity-meta">
            <LocalTime locale={locale} at={event.at} />
            <span>{deviceLabel(t, event.userAgent)}</span>
            <span class="mono">{event.ip}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}

function WarningIcon() {
  return (
    <svg class="activity-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M10 2 1.5 17h17L10 2Zm-.9 5h1.8v5H9.1V7Zm.9 8.3a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
    </svg>
  );
}
