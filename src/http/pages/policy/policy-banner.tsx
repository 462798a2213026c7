import { formatDeadline } from '../../../i18n/format-deadline.js';
import { twoFactorSetupPath } from '../../middleware/two-factor-setup-gate.js';
import type { PageContext } from '../shared/page-context.js';

/** "2FA is required from 1 July 2026: 38 days left — Set up now", under the header of every page. */
export function PolicyBanner(props: { page: PageContext }) {
  const { page } = props;
  const banner = page.policyBanner;
  if (!banner || page.path.startsWith(twoFactorSetupPath)) return null;
  const { t } = page;
  const date = formatDeadline(page.locale, banner.deadline, banner.timeZone);
  return (
    <div class="policy-banner" role="status">
      <p class="policy-banner-text">
        {banner.daysLeft === 1
          ? t('policy.banner.oneDayLeft', { date })
          : t('policy.banner.daysLeft', { date, days: banner.daysLeft })}
      </p>
      <a class="button button-primary button-small" href={twoFactorSetupPath}>
        {t('policy.banner.action')}
      </a>
    </div>
  );
}
