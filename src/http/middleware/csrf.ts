import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { constantTimeEqual } from '../../core/timing.js';
import type { HttpEnv } from '../env.js';

const cookieName = (secure: boolean) => (secure ? '__Host-twostep-csrf' : 'twostep_csrf');

/**
 * Form CSRF tokens, as a signed double submit: the browser holds a random HttpOnly cookie, and
 * every form carries HMAC(key, cookie). Another site can neither read the cookie nor compute the
 * MAC, and the Origin check stands in front of this as a second wall.
 */
export function csrfCookie(): MiddlewareHandler<HttpEnv> {
  return async function csrfCookieMiddleware(c, next) {
    // The JSON API has no forms: it stands on the Origin check alone (T-CSRF-1). Minting a cookie
    // and a MAC for every API call would cost each request a random draw and two hashes.
    if (c.req.path.startsWith('/api/')) return next();
    const { secure, csrfKey } = c.get('http');
    let value = getCookie(c, cookieName(secure));
    if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
      value = randomBytes(32).toString('base64url');
      setCookie(c, cookieName(secure), value, { httpOnly: true, secure, sameSite: 'Lax', path: '/' });
    }
    c.set('csrfToken', createHmac('sha256', csrfKey).update(value).digest('base64url'));
    await next();
  };
}

/** True when a submitted form's `_csrf` field matches this browser's token. */
export function validCsrf(c: Context<HttpEnv>, submitted: unknown): boolean {
  return typeof submitted === 'string' && constantTimeEqual(submitted, c.get('csrfToken'));
}
