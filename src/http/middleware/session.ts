import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticate } from '../../app/sessions/authenticate.js';
import type { HttpEnv, HttpSettings } from '../env.js';

/**
 * `__Host-` pins the cookie to our exact origin over https: no subdomain can set or shadow it.
 * With a shared cookie domain (TWOSTEP_COOKIE_DOMAIN) that prefix is impossible, since it forbids a
 * Domain attribute; `__Secure-` still keeps the cookie off plain http.
 */
export const sessionCookieName = ({ secure, cookieDomain }: Pick<HttpSettings, 'secure' | 'cookieDomain'>) =>
  secure ? (cookieDomain ? '__Secure-twostep' : '__Host-twostep') : 'twostep_session';

/** Loads the session from its cookie on every request; `auth` is null when there is none. */
export function sessionLoader(): MiddlewareHandler<HttpEnv> {
  return async function sessionLoaderMiddleware(c, next) {
    const token = getCookie(c, sessionCookieName(c.get('http')));
    c.set('sessionToken', token);
    c.set('auth', await authenticate(c.get('deps'), token));
    await next();
  };
}

export function setSessionCookie(c: Context<HttpEnv>, token: string): void {
  const http = c.get('http');
  setCookie(c, sessionCookieName(http), token, {
    httpOnly: true,
    secure: http.secure,
    sameSite: 'Lax',
    path: '/',
    ...(http.cookieDomain ? { domain: http.cookieDomain } : {}),
    maxAge: Math.floor(c.get('deps').settings.session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context<HttpEnv>): void {
  const http = c.get('http');
  deleteCookie(c, sessionCookieName(http), {
    path: '/',
    secure: http.secure,
    ...(http.cookieDomain ? { domain: http.cookieDomain } : {}),
  });
}
