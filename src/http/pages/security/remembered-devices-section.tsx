import type { RememberedDevice } from '../../../core/sessions/remembered-device.js';
import { DeviceItem } from '../components/device-item.js';
import { Fact } from '../components/fact.js';
import { LocalTime } from '../components/local-time.js';
import { PanelFootAction } from '../components/panel-foot-action.js';
import type { PageContext } from '../shared/page-context.js';
import { formatRelative } from '../shared/time-format.js';

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
          <PanelFootAction
            action="/security/remembered-devices/forget-all"
            csrfToken={page.csrfToken}
            label={t('remembered.forgetAll')}
            note={t('remembered.note')}
          />
        </>
      )}
    </section>
  );
}

function RememberedItem(props: { page: PageContext; device: RememberedDevice; current: boolean }) {
  const { page, device, current } = props;
  const { t, locale } = page;
  return (
    <DeviceItem
      page={page}
      userAgent={device.userAgent}
      ip={device.ip}
      current={current}
      action={{
        path: `/security/remembered-devices/${encodeURIComponent(device.id)}/forget`,
        label: t('remembered.forget'),
      }}
    >
      <Fact label={t('remembered.since')}>
        <LocalTime locale={locale} at={device.createdAt} />
      </Fact>
      <Fact label={t('remembered.expires')}>
        <LocalTime locale={locale} at={device.expiresAt} dateOnly />
      </Fact>
      {device.lastUsedAt && (
        <Fact label={t('remembered.lastUsed')}>{formatRelative(locale, device.lastUsedAt, page.now)}</Fact>
      )}
    </DeviceItem>
  );
}
