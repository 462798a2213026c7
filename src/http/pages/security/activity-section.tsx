import type { AuditEvent } from '../../../core/types.js';
import { ActivityList } from '../components/activity-list.js';
import type { PageContext } from '../shared/page-context.js';

/** The last security events in plain sentences, with when, from which device and from where. */
export function ActivitySection(props: { page: PageContext; events: AuditEvent[] }) {
  const { page } = props;
  const { t } = page;
  return (
    <section class="panel" aria-labelledby="activity-heading">
      <h2 class="panel-title" id="activity-heading">
        {t('security.activity.heading')}
      </h2>
      <p class="panel-text">{t('security.activity.intro')}</p>
      <ActivityList page={page} events={props.events} warningIcon />
    </section>
  );
}
