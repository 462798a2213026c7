import type { Context } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import type { HttpEnv } from '../../env.js';

/**
 * The signed-in user of a request that draws a page (GET, not the API, not a static file), or
 * null. The banner loaders look things up only then: the API (GET /api/v1/me is the hot path),
 * form posts and the stylesheet never pay for a banner they do not show.
 */
export function signedInPageRequest(c: Context<HttpEnv>): Authenticated | null {
  const auth = c.get('auth');
  if (c.req.method !== 'GET' || auth?.session.state !== 'signed_in') return null;
  return /^\/(api|assets)\//.test(c.req.path) ? null : auth;
}
