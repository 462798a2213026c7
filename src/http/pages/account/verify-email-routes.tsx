import type { Context, Hono } from 'hono';
import {
  resendVerificationLink,
  type VerificationOutcome,
  verificationLinkState,
  verifyEmail,
} from '../../../app/accounts/verify-email.js';
import { isDomainError } from '../../../core/errors.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { readForm } from '../shared/form-body.js';
import { csrfRefused, renderMessage } from '../shared/message-page.js';
import { pageContext, signedIn, toSignIn } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { VerifyEmailPage } from './verify-email-page.js';

/** Where a link that verified nothing sends the reader: the security page has "send again". */
const toSecurity = (t: (key: 'verifyEmail.toSecurity') => string) => ({
  href: '/security',
  label: t('verifyEmail.toSecurity'),
});

/** What a link did, or why it did nothing: expired, used, or not one of ours. */
function outcomePage(c: Context<HttpEnv>, outcome: VerificationOutcome) {
  switch (outcome.result) {
    case 'verified':
      return renderMessage(c, 200, (t) => ({
        title: t('verifyEmail.verified.title'),
        kind: 'success',
        message: t('verifyEmail.verified.message', { email: outcome.email }),
        detail: t('verifyEmail.verified.detail'),
        action: toSecurity(t),
      }));
    case 'used':
      return renderMessage(c, outcome.verified ? 200 : 410, (t) => ({
        title: t('verifyEmail.used.title'),
        kind: outcome.verified ? 'success' : 'error',
        message: outcome.verified
          ? t('verifyEmail.used.verified', { email: outcome.email })
          : t('verifyEmail.used.unverified'),
        action: toSecurity(t),
      }));
    case 'expired':
      return renderMessage(c, 410, (t) => ({
        title: t('verifyEmail.expired.title'),
        kind: 'error',
        message: t('verifyEmail.expired.message'),
        detail: t('verifyEmail.sendNew'),
        action: toSecurity(t),
      }));
    default:
      return renderMessage(c, 400, (t) => ({
        title: t('verifyEmail.invalid.title'),
        kind: 'error',
        message: t('verifyEmail.invalid.message'),
        detail: t('verifyEmail.sendNew'),
        action: toSecurity(t),
      }));
  }
}

export function verifyEmailRoutes(app: Hono<HttpEnv>): void {
  app.get('/verify-email', async (c) => {
    const token = c.req.query('token') ?? '';
    const state = await verificationLinkState(c.get('deps'), token);
    if (state.result !== 'ready') return outcomePage(c, state);
    return renderPage(c, <VerifyEmailPage page={pageContext(c)} token={token} email={state.email} />);
  });

  app.post('/verify-email', async (c) => {
    const form = await readForm(c);
    const token = form.token ?? '';
    if (!validCsrf(c, form._csrf)) return csrfRefused(c, `/verify-email?token=${encodeURIComponent(token)}`);
    return outcomePage(c, await verifyEmail(c.get('deps'), { token, context: c.get('requestContext') }));
  });

  app.post('/security/email-verification', async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c, '/security');
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, '/security');
    try {
      await resendVerificationLink(c.get('deps'), auth, c.get('requestContext'));
    } catch (error) {
      if (isDomainError(error, 'rate_limited')) return c.redirect('/security?verification=wait', 303);
      // Already proved (another tab opened the link): the page no longer offers the button.
      if (isDomainError(error, 'conflict')) return c.redirect('/security', 303);
      throw error;
    }
    return c.redirect('/security?verification=sent', 303);
  });
}
