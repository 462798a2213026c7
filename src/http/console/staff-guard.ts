import type { Context, MiddlewareHandler } from 'hono';
import type { Authenticated } from '../../app/sessions/authenticate.js';
import { hasStaffRole, staffHasTwoFactor } from '../../app/support/staff-access.js';
import { DomainError } from '../../core/errors.js';
import type { StaffRole } from '../../core/types.js';
import type { HttpEnv } from '../env.js';
import { twoFactorSetupPath } from '../middleware/two-factor-setup-gate.js';
import { toSignIn } from '../pages/shared/page-context.js';
import { consoleForbidden } from './console-forbidden.js';

/** Only a session that finished every step counts: not one owing its second factor or its set-up. */
function fullySignedIn(c: Context<HttpEnv>): Authenticated | null {
  const auth = c.get('auth');
  return auth?.session.state === 'signed_in' ? auth : null;
}

/**
 * Lets only staff with `role` (or a higher one) through. The session must be fully signed in: one
 * still owing its second factor counts as no session at all, and one that may only set up 2FA gets
 * no further. Staff without 2FA of their own are sent to set it up. The API answers 401 or 403 as
 * problem+json; pages send the signed-out to sign in and show everyone else a calm "no access".
 *
 * @example app.use('/console/*', requireStaff('support'))
 */
export function requireStaff(role: StaffRole): MiddlewareHandler<HttpEnv> {
  return async function staffOnly(c, next) {
    const auth = fullySignedIn(c);
    const api = new URL(c.req.url).pathname.startsWith('/api/');
    if (!auth) {
      if (c.get('auth')?.session.state === 'two_factor_setup') {
        if (api) throw new DomainError('two_factor_setup_required');
        return consoleForbidden(c);
      }
      if (api) throw new DomainError('not_signed_in');
      return toSignIn(c, new URL(c.req.url).pathname);
    }
    if (!hasStaffRole(auth.user, role)) {
      if (api) throw new DomainError('forbidden');
      return consoleForbidden(c);
    }
    if (!(await staffHasTwoFactor(c.get('deps'), auth.user))) {
      if (api) throw new DomainError('two_factor_setup_required');
      return c.redirect(twoFactorSetupPath, 303);
    }
    await next();
  };
}

/** The staff member behind this request, after `requireStaff` let it through. */
export function staffMember(c: Context<HttpEnv>): Authenticated {
  const auth = fullySignedIn(c);
  if (!auth || auth.user.staffRole === null) throw new DomainError('forbidden');
  return auth;
}
