import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticate } from '../../app/sessions/authenticate.js';
import type { HttpEnv } from '../env.js';

/** `__Host-` pins the cookie to our exact origin over https: no subdomain can set or shadow it. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-twostep' : 'twostep_session');

/** Loads the session from its cookie on every request; `auth` is null when there is none. */
export function sessionLoader(): MiddlewareHandler<HttpEnv> {
  return async function sessionLoaderMiddleware(c, next) {
    const token = getCookie(c, sessionCookieName(c.get('http').secure));
    c.set('sessionToken', token);
    c.set('auth', await authenticate(c.get('deps'), token));
    await next();
  };
}

export function setSessionCookie(c: Context<HttpEnv>, token: string): void {
  const { secure } = c.get('http');
  setCookie(c, sessionCookieName(secure), token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(c.get('deps').settings.session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context<HttpEnv>): void {
  const { secure } = c.get('http');
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure });
}
