import { isTwoFactorRequired } from '../../core/policy/policy-rules.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { hasTwoFactor } from '../two-factor/two-factor-status.js';
import { effectivePolicyFor } from './effective-policy.js';

/**
 * A fully signed-in session whose user, right now, must set up 2FA first is held to set-up, in the
 * store, so every later request sees it too. Sign-in decides this once, and ends a session without
 * 2FA at the deadline it knew; this catches what changed since: a deadline moved earlier or into
 * the past, a policy set after the session began, the user's last method removed, an organization
 * joined. Users with 2FA, the hot path, cost one indexed read.
 */
export async function holdToDeadline(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  auth: Authenticated,
): Promise<Authenticated> {
  const { session, user } = auth;
  if (session.state !== 'signed_in' || (await hasTwoFactor(deps.store, user.id))) return auth;
  const now = deps.clock.now();
  if (!isTwoFactorRequired(await effectivePolicyFor(deps, user.id), now)) return auth;
  // The same token: the browser keeps its cookie, only what the session may do changes.
  await deps.store.sessions.rotate(session.id, session.tokenHash, {
    state: 'two_factor_setup',
    lastSeenAt: now,
  });
  return { user, session: { ...session, state: 'two_factor_setup', lastSeenAt: now } };
}
