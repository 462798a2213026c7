import type { MiddlewareHandler } from 'hono';
import { pendingResetFor } from '../../../app/support/two-factor-reset.js';
import type { HttpEnv } from '../../env.js';
import { Button } from '../components/button.js';
import { PostForm } from '../components/post-form.js';
import { signedInPageRequest } from '../shared/banner-request.js';
import type { PageContext } from '../shared/page-context.js';
import { formatDateTime } from '../shared/time-format.js';

/**
 * Looks up a pending support reset of the signed-in user for pages, so every page can warn them:
 * the real owner must notice a reset someone else asked for while it can still be stopped.
 */
export function pendingResetLoader(): MiddlewareHandler<HttpEnv> {
  return async function loadPendingReset(c, next) {
    const auth = signedInPageRequest(c);
    if (auth) {
      const reset = await pendingResetFor(c.get('deps'), auth.user.id);
      c.set('pendingTwoFactorResetAt', reset?.effectiveAt ?? null);
    }
    await next();
  };
}

/** The line at the top of every page while a reset waits. */
export function PendingResetBanner(props: { page: PageContext; at: Date }) {
  const { t, locale } = props.page;
  return (
    <div class="reset-banner" role="status">
      <p class="reset-banner-text">
        {t('twoFactorReset.banner', { time: formatDateTime(locale, props.at) })}{' '}
        <a href="/security#pending-reset-heading">{t('twoFactorReset.banner.action')}</a>
      </p>
    </div>
  );
}

/** The security page's panel with the button that stops the reset. */
export function PendingResetPanel(props: { page: PageContext }) {
  const { page } = props;
  const at = page.pendingTwoFactorResetAt;
  if (!at) return null;
  const { t, locale } = page;
  return (
    <section class="panel panel-warning" aria-labelledby="pending-reset-heading">
      <h2 class="panel-title" id="pending-reset-heading">
        {t('twoFactorReset.panel.heading')}
      </h2>
      <p class="panel-text">{t('twoFactorReset.panel.text', { time: formatDateTime(locale, at) })}</p>
      <PostForm action="/security/two-factor-reset/cancel" csrfToken={page.csrfToken}>
        <Button variant="primary">{t('twoFactorReset.panel.cancel')}</Button>
      </PostForm>
    </section>
  );
}
