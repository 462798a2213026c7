import type { Context } from 'hono';
import type { Authenticated } from '../app/sessions/authenticate.js';
import { DomainError } from '../core/errors.js';
import type { HttpEnv } from './env.js';

/**
 * The signed-in user, or `not_signed_in`. A session still owing its second factor is treated
 * exactly like no session at all (T-LOGIN-1). A session that must set up 2FA first
 * passes here only because the set-up gate (middleware/two-factor-setup-gate.ts) has already
 * refused it every route but set-up.
 */
export function requireSignedIn(c: Context<HttpEnv>): Authenticated {
  const auth = c.get('auth');
  const state = auth?.session.state;
  if (state !== 'signed_in' && state !== 'two_factor_setup') throw new DomainError('not_signed_in');
  return auth as Authenticated;
}

/** A session that proved the password and still owes its second factor; nothing else qualifies. */
export function requirePendingSecondFactor(c: Context<HttpEnv>): Authenticated {
  const auth = c.get('auth');
  if (auth?.session.state !== 'second_factor') throw new DomainError('not_signed_in');
  return auth;
}
