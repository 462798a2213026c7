import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { setPreferredLanguage } from '../../../app/accounts/preferred-language.js';
import { signOut } from '../../../app/sessions/manage-sessions.js';
import { isLocale } from '../../../i18n/locales.js';
import type { HttpEnv } from '../../env.js';
import { languageCookie } from '../../middleware/request-context.js';
import { clearSessionCookie } from '../../middleware/session.js';
import { formRoute } from '../shared/form-kit.js';
import { signedIn } from '../shared/page-context.js';
import { safeNext } from '../shared/safe-next.js';

const oneYear = 365 * 24 * 60 * 60;

/** The front door, sign-out and the language choice: small routes without a page of their own. */
export function sessionRoutes(app: Hono<HttpEnv>): void {
  app.get('/', (c) => c.redirect(signedIn(c) ? '/security' : '/sign-in', 303));

  formRoute(app, '/sign-out', {
    guard: 'none',
    back: () => '/',
    handle: async ({ c }) => {
      // A half-finished sign-in (second factor pending) can be abandoned the same way.
      const auth = c.get('auth');
      if (auth) await signOut(c.get('deps'), auth, c.get('requestContext'));
      clearSessionCookie(c);
      return c.redirect('/sign-in?signed_out=1', 303);
    },
  });

  app.get('/language', async (c) => {
    const locale = c.req.query('set');
    if (isLocale(locale)) {
      setCookie(c, languageCookie, locale, {
        path: '/',
        sameSite: 'Lax',
        httpOnly: true,
        secure: c.get('http').secure,
        maxAge: oneYear,
      });
      const auth = signedIn(c);
      // E-mails follow the same choice, but only when the click came from one of our pages: a link
      // on another site must not change what an account's mails are written in (GET changes no
      // account state from outside). The cookie is only this browser's display preference.
      const fromOurPage = c.req.header('sec-fetch-site') === 'same-origin';
      if (auth && fromOurPage) await setPreferredLanguage(c.get('deps'), auth, locale);
    }
    return c.redirect(safeNext(c.req.query('next'), '/'), 303);
  });
}
