import type { PageContext } from '../shared/page-context.js';

/** What the second step offers: the period in days (never 0 here), and the tick as last submitted. */
export interface RememberOffer {
  days: number;
  checked: boolean;
}

/** The form field name; the value a ticked box posts. */
export const rememberFieldName = 'rememberDevice';

/** "Don't ask again on this device for N days": off unless the person ticks it. */
export function RememberDeviceField(props: { page: PageContext; offer: RememberOffer | undefined }) {
  const { page, offer } = props;
  if (!offer) return null;
  const { t } = page;
  return (
    <div class="checkbox checkbox-remember">
      <input
        type="checkbox"
        id="remember-device"
        name={rememberFieldName}
        value="1"
        checked={offer.checked}
        aria-describedby="remember-device-hint"
      />
      <div>
        <label for="remember-device">
          {offer.days === 1 ? t('remember.checkbox.one') : t('remember.checkbox', { days: offer.days })}
        </label>
        <p class="checkbox-hint" id="remember-device-hint">
          {t('remember.hint')}
        </p>
      </div>
    </div>
  );
}
