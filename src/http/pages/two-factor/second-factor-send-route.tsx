import type { Hono } from 'hono';
import { sendSignInCode } from '../../../app/two-factor/send-sign-in-code.js';
import { isDomainError } from '../../../core/errors.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { readForm } from '../form-body.js';
import { csrfRefused } from '../message-page.js';
import { nextParam, queryNext } from '../safe-next.js';
import { codeErrorMessage } from './code-errors.js';
import { pending, show, startOver } from './second-factor-routes.js';

/**
 * "Send code" and "Send again" at the second step: only when the user asks, never on page load,
 * then back to the step, which now asks for the code.
 */
export function secondFactorSendRoute(app: Hono<HttpEnv>): void {
  app.post('/sign-in/second-factor/send', async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c);
    const auth = pending(c);
    if (!auth) return startOver(c);
    const methodId = c.req.query('method') ?? '';
    const next = c.req.query('next');
    const back = `/sign-in/second-factor?method=${encodeURIComponent(methodId)}${next ? `&next=${nextParam(queryNext(c))}` : ''}`;
    try {
      await sendSignInCode(c.get('deps'), auth, { methodId, context: c.get('requestContext') });
      return c.redirect(back, 303);
    } catch (error) {
      if (isDomainError(error, 'not_found')) return c.redirect(back, 303);
      const message = codeErrorMessage(c.get('t'), error);
      if (message === null) throw error;
      if (isDomainError(error, 'rate_limited')) {
        c.header('retry-after', String(error.retryAfterSeconds ?? 60));
        return show(c, auth, message, 429);
      }
      return show(c, auth, message, 502);
    }
  });
}
