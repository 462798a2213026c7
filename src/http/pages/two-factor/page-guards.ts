import type { Context } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { isInSudo } from '../../../core/sessions/session-rules.js';
import type { HttpEnv } from '../../env.js';
import { signedIn } from '../shared/page-context.js';
import { nextParam } from '../shared/safe-next.js';

/**
 * The signed-in user in sudo mode, or the redirect that gets them there: to sign-in, or to the
 * "confirm your password" step, which brings them back to `back`.
 */
export function sudoOrRedirect(c: Context<HttpEnv>, back: string): Authenticated | Response {
  const auth = signedIn(c);
  if (!auth) return c.redirect(`/sign-in?next=${nextParam(back)}`, 303);
  if (!isInSudo(auth.session, c.get('deps').clock.now())) {
    return c.redirect(`/confirm-password?next=${nextParam(back)}`, 303);
  }
  return auth;
}
