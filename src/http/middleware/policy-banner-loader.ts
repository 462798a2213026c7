import type { MiddlewareHandler } from 'hono';
import { deadlineAheadFor } from '../../app/policy/effective-policy.js';
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
      const ahead = await deadlineAheadFor(c.get('deps'), auth.user.id);
      if (ahead) c.set('policyBanner', ahead);
    }
    await next();
  };
}
