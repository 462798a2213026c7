import type { MiddlewareHandler } from 'hono';
import { effectivePolicyFor } from '../../app/policy/effective-policy.js';
import { hasTwoFactor } from '../../app/two-factor/two-factor-status.js';
import { daysLeft } from '../../core/policy/policy-rules.js';
import type { HttpEnv } from '../env.js';
import { signedInPageRequest } from '../pages/shared/banner-request.js';

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
