import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { checkForwardAccess, type ForwardIdentity } from '../../app/forward-auth/check-access.js';
import { authenticate } from '../../app/sessions/authenticate.js';
import { allowedReturnUrl } from '../../core/forward-auth/return-url.js';
import type { HttpEnv } from '../env.js';
import { sessionCookieName } from '../middleware/session.js';
import { nextParam } from '../pages/shared/safe-next.js';
import { problem } from '../problem.js';
import { type OriginalRequest, originalRequest } from './original-request.js';

export const verifyPath = '/auth/verify';

/** Percent-encodes what a header value cannot carry (non-ASCII, controls) and, in lists, the comma. */
function headerText(value: string, separator = ''): string {
  const unsafe = separator ? /[^\x20-\x24\x26-\x2b\x2d-\x7e]/gu : /[^\x20-\x24\x26-\x7e]/gu;
  return value.replace(unsafe, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%EF%BF%BD';
    }
  });
}

function identityHeaders(identity: ForwardIdentity): Record<string, string> {
  return {
    'remote-user': headerText(identity.userId),
    'remote-email': headerText(identity.email),
    // Accounts have no display name: the address is the name people know them by.
    'remote-name': headerText(identity.email),
    'remote-groups': identity.organizations.map((name) => headerText(name, ',')).join(','),
  };
}

/**
 * Someone not signed in: a browser goes to sign in and comes back to the page it asked for (when
 * that page is on a listed host); any other caller gets 401. nginx passes on only 2xx, 401 and
 * 403 from `auth_request`, so `?redirect=401` answers browsers 401 with the Location to use.
 */
function signInFirst(c: Context<HttpEnv>, original: OriginalRequest | null): Response {
  const http = c.get('http');
  if (!(c.req.header('accept') ?? '').includes('text/html')) {
    return problem(c, c.get('locale') ?? 'en', { code: 'not_signed_in' });
  }
  const back = allowedReturnUrl(original?.url, http.forwardAuth.domains);
  const location = `${http.publicUrl}/sign-in${back ? `?next=${nextParam(back)}` : ''}`;
  const status = c.req.query('redirect') === '401' ? 401 : 302;
  return c.body(null, status, { location, 'cache-control': 'no-store' });
}

/**
 * GET /auth/verify, asked by a reverse proxy (nginx `auth_request`, Traefik `ForwardAuth`, Caddy
 * `forward_auth`) before each request to a site it protects. 200 with the Remote-* headers lets
 * the request through; the proxy must put those on the upstream request in place of any the
 * client sent. Registered before the page middleware: no CSRF cookie, no set-up redirect here.
 */
export function forwardAuthRoutes(app: Hono<HttpEnv>): void {
  app.on(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], verifyPath, async (c) => {
    const http = c.get('http');
    const auth = await authenticate(c.get('deps'), getCookie(c, sessionCookieName(http)));
    const original = originalRequest(c);
    const access = await checkForwardAccess(c.get('deps'), {
      auth,
      target: original,
      rules: http.forwardAuth.rules,
    });
    if (access.kind === 'sign_in') return signInFirst(c, original);
    if (access.kind === 'forbidden') return problem(c, c.get('locale') ?? 'en', { code: 'forbidden' });
    return c.body(null, 200, { ...identityHeaders(access.identity), 'cache-control': 'no-store' });
  });
}
