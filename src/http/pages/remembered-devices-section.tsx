import { describeDevice } from '../../core/device-name.js';
import { deviceLabel } from '../../i18n/device-label.js';
import type { RememberedDevice } from '../../ports/remembered-device-store.js';
import { Button } from './components/button.js';
import { LocalTime } from './components/local-time.js';
import { PostForm } from './components/post-form.js';
import { DeviceIcon } from './devices-section.js';
import type { PageContext } from './page-context.js';
import { formatRelative } from './time-format.js';

/** Browsers that skip the second factor for this user, this one first, each with its own "Forget". */
export function RememberedDevicesSection(props: {
  page: PageContext;
  devices: RememberedDevice[];
  /** Ids of the devices whose token this browser holds. */
  currentIds: string[];
}) {
  const { page, currentIds } = props;
  const { t } = page;
  const devices = [...props.devices].sort(
    (a, b) =>
      Number(currentIds.includes(b.id)) - Number(currentIds.includes(a.id)) ||
      b.createdAt.getTime() - a.createdAt.getTime(),
  );
  return (
    <section class="panel" aria-labelledby="remembered-heading">
      <h2 class="panel-title" id="remembered-heading">
        {t('remembered.heading')}
      </h2>
      <p class="panel-text">{t('remembered.intro')}</p>
      {devices.length === 0 ? (
        <p class="panel-note">{t('remembered.empty')}</p>
      ) : (
        <>
          <ul class="item-list">
            {devices.map((device) => (
              <RememberedItem page={page} device={device} current={currentIds.includes(device.id)} />
            ))}
          </ul>
          <div class="panel-foot">
            <PostForm action="/security/remembered-devices/forget-all" csrfToken={page.csrfToken}>
              <Button variant="danger">{t('remembered.forgetAll')}</Button>
            </PostForm>
            <p class="panel-note">{t('remembered.note')}</p>
          </div>
        </>
      )}
    </section>
  );
}

function RememberedItem(props: { page: PageContext; device: RememberedDevice; current: boolean }) {
  const { page, device, current } = props;
  const { t, locale } = page;
  const label = deviceLabel(t, device.userAgent);
  return (
    <li class={current ? 'item item-current' : 'item'}>
      <DeviceIcon mobile={describeDevice(device.userAgent).mobile} />
      <div class="item-body">
        <p class="item-title">
          {label}
          {current && <span class="badge badge-current">{t('security.devices.thisDevice')}</span>}
        </p>
        <dl class="item-facts">
          <div>
            <dt>{t('remembered.since')}</dt>
            <dd>
              <LocalTime locale={locale} at={device.createdAt} />
            </dd>
          </div>
          <div>
            <dt>{t('remembered.expires')}</dt>
            <dd>
              <LocalTime locale={locale} at={device.expiresAt} dateOnly />
            </dd>
          </div>
          {device.lastUsedAt && (
            <div>
              <dt>{t('remembered.lastUsed')}</dt>
              <dd>{formatRelative(locale, device.lastUsedAt, page.now)}</dd>
            </div>
          )}
          <div>
            <dt>{t('security.devices.ip')}</dt>
            <dd class="mono">{device.ip}</dd>
          </div>
        </dl>
      </div>
      <PostForm
        action={`/security/remembered-devices/${encodeURIComponent(device.id)}/forget`}
        csrfToken={page.csrfToken}
        class="item-action"
      >
        <button type="submit" class="button button-secondary button-small">
          {t('remembered.forget')}
          <span class="visually-hidden">
            : {label}, {device.ip}
          </span>
        </button>
      </PostForm>
    </li>
  );
}
