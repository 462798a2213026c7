import type { Child } from 'hono/jsx';
import { describeDevice } from '../../../core/device-name.js';
import { deviceLabel } from '../../../i18n/device-label.js';
import type { PageContext } from '../shared/page-context.js';
import { Fact } from './fact.js';
import { PostForm } from './post-form.js';

export interface DeviceItemProps {
  page: PageContext;
  userAgent: string;
  ip: string;
  /** This browser: marked, and listed first by the caller. */
  current: boolean;
  /** The facts before the IP address. */
  children: Child;
  /** The button that ends this device's access; its hidden text names the device for screen readers. */
  action?: { path: string; label: string } | undefined;
}

/** One browser in a device list: its kind, its name, its facts, and what may be done about it. */
export function DeviceItem(props: DeviceItemProps) {
  const { page, current, action } = props;
  const { t } = page;
  const label = deviceLabel(t, props.userAgent);
  return (
    <li class={current ? 'item item-current' : 'item'}>
      <DeviceIcon mobile={describeDevice(props.userAgent).mobile} />
      <div class="item-body">
        <p class="item-title">
          {label}
          {current && <span class="badge badge-current">{t('security.devices.thisDevice')}</span>}
        </p>
        <dl class="item-facts">
          {props.children}
          <Fact label={t('security.devices.ip')} mono>
            {props.ip}
          </Fact>
        </dl>
      </div>
      {action && (
        <PostForm action={action.path} csrfToken={page.csrfToken} class="item-action">
          <button type="submit" class="button button-secondary button-small">
            {action.label}
            <span class="visually-hidden">
              : {label}, {props.ip}
            </span>
          </button>
        </PostForm>
      )}
    </li>
  );
}

function DeviceIcon(props: { mobile: boolean }) {
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
