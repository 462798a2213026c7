import type { Context } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import type { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import type { HttpEnv } from '../../env.js';
import { setSessionCookie } from '../../middleware/session.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { RecoveryCodesPage } from './recovery-codes-page.js';

/**
 * What every set-up shows once its first code was right, whatever the method: the renewed session
 * cookie, then the recovery codes when this method turned 2FA on, or back to the security page.
 */
export function methodConfirmed(
  c: Context<HttpEnv>,
  auth: Authenticated,
  result: Awaited<ReturnType<typeof confirmMethod>>,
): Response | Promise<Response> {
  setSessionCookie(c, result.token);
  if (!result.recoveryCodes) return c.redirect('/security?notice=method-added', 303);
  return renderPage(
    c,
    <RecoveryCodesPage
      page={pageContext(c)}
      account={auth.user.email}
      codes={result.recoveryCodes}
      reason="enabled"
    />,
  );
}
