import type { Context } from 'hono';
import type { Authenticated } from '../app/sessions/authenticate.js';
import { DomainError } from '../core/errors.js';
import type { HttpEnv } from './env.js';

/**
 * The signed-in user, or `not_signed_in`. A session still owing its second factor is treated
 * exactly like no session at all (API.md; SECURITY.md a1).
 */
export function requireSignedIn(c: Context<HttpEnv>): Authenticated {
  const auth = c.get('auth');
  if (auth?.session.state !== 'signed_in') throw new DomainError('not_signed_in');
  return auth;
}

/** A session that proved the password and still owes its second factor; nothing else qualifies. */
export function requirePendingSecondFactor(c: Context<HttpEnv>): Authenticated {
  const auth = c.get('auth');
  if (auth?.session.state !== 'second_factor') throw new DomainError('not_signed_in');
  return auth;
}
