import type { AuditEvent } from '../../core/types.js';
import { deviceLabel } from '../../i18n/device-label.js';
import { auditSentence, isWarning } from './audit-sentence.js';
import { LocalTime } from './components/local-time.js';
import type { PageContext } from './page-context.js';

/** The last security events in plain sentences, with when, from which device and from where. */
export function ActivitySection(props: { page: PageContext; events: AuditEvent[] }) {
  const { page, events } = props;
  const { t, locale } = page;
  return (
    <section class="panel" aria-labelledby="activity-heading">
      <h2 class="panel-title" id="activity-heading">
        {t('security.activity.heading')}
      </h2>
      <p class="panel-text">{t('security.activity.intro')}</p>
      {events.length === 0 ? (
        <p class="panel-note">{t('security.activity.empty')}</p>
      ) : (
        <ol class="activity-list">
          {events.map((event) => (
            <li class={isWarning(event.type) ? 'activity activity-warning' : 'activity'}>
              <p class="activity-what">
                {isWarning(event.type) && (
                  <svg class="activity-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <path d="M10 2 1.5 17h17L10 2Zm-.9 5h1.8v5H9.1V7Zm.9 8.3a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
                  </svg>
                )}
                {auditSentence(t, event.type)}
              </p>
              <p class="activity-meta">
                <LocalTime locale={locale} at={event.at} />
                <span>{deviceLabel(t, event.userAgent)}</span>
                <span class="mono">{event.ip}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
