import type { Context, Hono } from 'hono';
import { unlockSecondFactor } from '../../../app/two-factor/second-factor-lockout.js';
import { isDomainError } from '../../../core/errors.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { PostForm } from '../components/post-form.js';
import { readForm } from '../shared/form-body.js';
import { csrfRefused, renderMessage } from '../shared/message-page.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';

const unlockPath = (token: string) => `/two-factor-unlock/${encodeURIComponent(token)}`;

function answer(c: Context<HttpEnv>, done: boolean) {
  return renderMessage(c, done ? 200 : 400, (t) => ({
    title: t('unlock.title'),
    kind: done ? 'success' : 'error',
    message: t(done ? 'unlock.done' : 'unlock.invalid'),
    action: { href: '/sign-in', label: t('unlock.home') },
  }));
}

/**
 * The link mailed when the second step locks after too many wrong codes. Opening it changes
 * nothing (mail scanners open links); the button does. No sign-in is needed: unlocking only lets
 * codes be tried again, it proves no factor.
 */
export function unlockPageRoutes(app: Hono<HttpEnv>): void {
  app.get('/two-factor-unlock/:token', (c) => {
    const page = pageContext(c);
    const { t } = page;
    c.header('cache-control', 'no-store');
    return renderPage(
      c,
      <CardPage page={page} title={t('unlock.title')}>
        <p class="card-text">{t('unlock.text')}</p>
        <PostForm action={unlockPath(c.req.param('token'))} csrfToken={page.csrfToken} class="form">
          <Button wide={true}>{t('unlock.button')}</Button>
        </PostForm>
      </CardPage>,
    );
  });

  app.post('/two-factor-unlock/:token', async (c) => {
    const token = c.req.param('token');
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c, unlockPath(token));
    try {
      await unlockSecondFactor(c.get('deps'), token, c.get('requestContext'));
    } catch (error) {
      if (isDomainError(error, 'not_found')) return answer(c, false);
      throw error;
    }
    return answer(c, true);
  });
}
