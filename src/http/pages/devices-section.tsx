import { describeDevice } from '../../core/device-name.js';
import type { Session } from '../../core/types.js';
import { deviceLabel } from '../../i18n/device-label.js';
import { Button } from './components/button.js';
import { LocalTime } from './components/local-time.js';
import { PostForm } from './components/post-form.js';
import type { PageContext } from './page-context.js';
import { formatRelative } from './time-format.js';

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
          <DeviceItem page={page} session={session} current={session.id === currentId} />
        ))}
      </ul>
      {others ? (
        <div class="panel-foot">
          <PostForm action="/security/sessions/revoke-others" csrfToken={page.csrfToken}>
            <Button variant="danger">{t('security.devices.signOutOthers')}</Button>
          </PostForm>
          <p class="panel-note">{t('security.devices.sudoNote')}</p>
        </div>
      ) : (
        <p class="panel-note">{t('security.devices.onlyThis')}</p>
      )}
    </section>
  );
}

function DeviceItem(props: { page: PageContext; session: Session; current: boolean }) {
  const { page, session, current } = props;
  const { t, locale } = page;
  const label = deviceLabel(t, session.userAgent);
  return (
    <li class={current ? 'item item-current' : 'item'}>
      <DeviceIcon mobile={describeDevice(session.userAgent).mobile} />
      <div class="item-body">
        <p class="item-title">
          {label}
          {current && <span class="badge badge-current">{t('security.devices.thisDevice')}</span>}
        </p>
        <dl class="item-facts">
          <div>
            <dt>{t('security.devices.lastActive')}</dt>
            <dd>{formatRelative(locale, session.lastSeenAt, page.now)}</dd>
          </div>
          <div>
            <dt>{t('security.devices.signedIn')}</dt>
            <dd>
              <LocalTime locale={locale} at={session.createdAt} />
            </dd>
          </div>
          <div>
            <dt>{t('security.devices.ip')}</dt>
            <dd class="mono">{session.ip}</dd>
          </div>
        </dl>
      </div>
      {!current && (
        <PostForm
          action={`/security/sessions/${encodeURIComponent(session.id)}/revoke`}
          csrfToken={page.csrfToken}
          class="item-action"
        >
          <button type="submit" class="button button-secondary button-small">
            {t('security.devices.signOut')}
            <span class="visually-hidden">
              : {label}, {session.ip}
            </span>
          </button>
        </PostForm>
      )}
    </li>
  );
}

export function DeviceIcon(props: { mobile: boolean }) {
  return props.mobile ? (
    <svg class="item-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="6.5" y="2.5" width="11" height="19" rx="2.2" />
      <path d="M10.5 18.5h3" />
    </svg>
  ) : (
    <svg class="item-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="2.5" y="4" width="19" height="12.5" rx="1.8" />
      <path d="M8 20.5h8M12 16.5v4" />
    </svg>
  );
}
