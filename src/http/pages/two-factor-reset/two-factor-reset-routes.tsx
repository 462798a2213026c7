import type { Context, Hono } from 'hono';
import { cancelLinkState } from '../../../app/support/cancel-link-state.js';
import { cancelResetFromSession, cancelResetWithToken } from '../../../app/support/two-factor-reset.js';
import type { HttpEnv } from '../../env.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { PostForm } from '../components/post-form.js';
import { formRoute } from '../shared/form-kit.js';
import { renderMessage } from '../shared/message-page.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { formatDateTime } from '../shared/time-format.js';

const cancelPath = (token: string) => `/two-factor-reset/cancel/${encodeURIComponent(token)}`;

function linkInvalid(c: Context<HttpEnv>) {
  return renderMessage(c, 400, (t) => ({
    title: t('twoFactorReset.link.title'),
    kind: 'error',
    message: t('twoFactorReset.link.invalid'),
    action: { href: '/sign-in', label: t('twoFactorReset.link.home') },
  }));
}

function cancelled(c: Context<HttpEnv>, message: string, action: { href: string; label: string }) {
  return renderMessage(c, 200, (t) => ({
    title: t('twoFactorReset.link.title'),
    kind: 'success',
    message,
    action,
  }));
}

/**
 * The way out of a support reset the user did not ask for: the link in the notice (no sign-in
 * needed, a button to confirm, since a GET must change nothing: mail scanners open links) and a
 * button on the security page for any signed-in session.
 */
export function twoFactorResetRoutes(app: Hono<HttpEnv>): void {
  app.get('/two-factor-reset/cancel/:token', async (c) => {
    const token = c.req.param('token');
    const link = await cancelLinkState(c.get('deps'), token);
    if (!link) return linkInvalid(c);
    const page = pageContext(c);
    const { t } = page;
    c.header('cache-control', 'no-store');
    return renderPage(
      c,
      <CardPage page={page} title={t('twoFactorReset.link.title')}>
        <p class="card-text">
          {t('twoFactorReset.link.text', {
            email: link.email,
            time: formatDateTime(page.locale, link.effectiveAt),
          })}
        </p>
        <PostForm action={cancelPath(token)} csrfToken={page.csrfToken} class="form">
          <Button wide={true}>{t('twoFactorReset.link.button')}</Button>
        </PostForm>
      </CardPage>,
    );
  });

  formRoute(app, '/two-factor-reset/cancel/:token', {
    guard: 'none',
    back: (c) => cancelPath(c.req.param('token') ?? ''),
    handle: async ({ c, t }) => {
      await cancelResetWithToken(c.get('deps'), c.req.param('token') ?? '', c.get('requestContext'));
      return cancelled(c, t('twoFactorReset.link.done'), {
        href: '/sign-in',
        label: t('twoFactorReset.link.home'),
      });
    },
    on: { reset_token_invalid: ({ c }) => linkInvalid(c), not_found: ({ c }) => linkInvalid(c) },
  });

  formRoute(app, '/security/two-factor-reset/cancel', {
    guard: 'signedIn',
    back: () => '/security',
    handle: async ({ c, auth, t }) => {
      await cancelResetFromSession(c.get('deps'), auth.user.id, c.get('requestContext'));
      return cancelled(c, t('twoFactorReset.notice.cancelled'), {
        href: '/security',
        label: t('security.title'),
      });
    },
    on: { not_found: ({ c }) => c.redirect('/security', 303) },
  });
}
