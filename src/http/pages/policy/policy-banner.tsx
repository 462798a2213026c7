import type { MiddlewareHandler } from 'hono';
import { effectivePolicyFor } from '../../../app/policy/effective-policy.js';
import { hasTwoFactor } from '../../../app/two-factor/two-factor-status.js';
import { daysLeft } from '../../../core/policy/policy-rules.js';
import { formatDeadline } from '../../../i18n/format-deadline.js';
import type { HttpEnv } from '../../env.js';
import { twoFactorSetupPath } from '../../middleware/two-factor-setup-gate.js';
import { signedInPageRequest } from '../banner-request.js';
import type { PageContext } from '../page-context.js';

/**
 * Before a 2FA deadline, finds out for each signed-in page whether its user still lacks 2FA, so the
 * layout can show the banner. Pages only (GET): the API and form posts never pay for it.
 */
export function policyBannerLoader(): MiddlewareHandler<HttpEnv> {
  return async function policyBannerLoaderMiddleware(c, next) {
    const auth = signedInPageRequest(c);
    if (auth) {
      const deps = c.get('deps');
      const now = deps.clock.now();
      const required = (await effectivePolicyFor(deps, auth.user.id)).requiredFrom;
      if (required && now < required.value && !(await hasTwoFactor(deps.store, auth.user.id))) {
        c.set('policyBanner', {
          deadline: required.value,
          timeZone: required.timeZone,
          daysLeft: daysLeft(required.value, now),
        });
      }
    }
    await next();
  };
}

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
