import type { Session } from '../../../core/types.js';
import { DeviceItem } from '../components/device-item.js';
import { PanelFootAction } from '../components/panel-foot-action.js';
import { SessionTimes } from '../components/session-times.js';
import type { PageContext } from '../shared/page-context.js';

/** Every signed-in session of the user, this one first, each but this one with its own sign-out. */
export function DevicesSection(props: { page: PageContext; sessions: Session[]; currentId: string }) {
  const { page, currentId } = props;
  const { t } = page;
  const sessions = [...props.sessions].sort(
    (a, b) =>
      Number(b.id === currentId) - Number(a.id === currentId) ||
      b.lastSeenAt.getTime() - a.lastSeenAt.getTime(),
  );
  const others = sessions.length > 1;
  return (
    <section class="panel" aria-labelledby="devices-heading">
      <h2 class="panel-title" id="devices-heading">
        {t('security.devices.heading')}
      </h2>
      <p class="panel-text">{t('security.devices.intro')}</p>
      <ul class="item-list">
        {sessions.map((session) => (
          <SessionItem page={page} session={session} current={session.id === currentId} />
        ))}
      </ul>
      {others ? (
        <PanelFootAction
          action="/security/sessions/revoke-others"
          csrfToken={page.csrfToken}
          label={t('security.devices.signOutOthers')}
          note={t('security.devices.sudoNote')}
        />
      ) : (
        <p class="panel-note">{t('security.devices.onlyThis')}</p>
      )}
    </section>
  );
}

function SessionItem(props: { page: PageContext; session: Session; current: boolean }) {
  const { page, session, current } = props;
  const { t } = page;
  const signOut = {
    path: `/security/sessions/${encodeURIComponent(session.id)}/revoke`,
    label: t('security.devices.signOut'),
  };
  return (
    <DeviceItem
      page={page}
      userAgent={session.userAgent}
      ip={session.ip}
      current={current}
      action={current ? undefined : signOut}
    >
      <SessionTimes page={page} session={session} />
    </DeviceItem>
  );
}
