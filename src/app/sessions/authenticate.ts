import { needsTouch, sessionExpiry } from '../../core/sessions/session-rules.js';
import { hashToken } from '../../core/sessions/session-token.js';
import type { Session, User } from '../../core/types.js';
import type { AppDeps } from '../deps.js';

export interface Authenticated {
  session: Session;
  user: User;
}

/**
 * Turns a cookie token into its session and user, on every request, from the store: a revoked
 * or expired session fails on the very next request (T-SESSION-3). Expired ones are deleted.
 */
export async function authenticate(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>,
  token: string | undefined,
): Promise<Authenticated | null> {
  if (!token || token.length > 128) return null;
  const { store, clock, settings } = deps;
  const now = clock.now();
  const session = await store.sessions.findByTokenHash(hashToken(token));
  if (!session) return null;
  if (sessionExpiry(session, now, settings.session)) {
    await store.sessions.delete(session.id);
    return null;
  }
  const user = await store.users.findById(session.userId);
  if (!user || user.disabledAt) {
    await store.sessions.delete(session.id);
    return null;
  }
  if (needsTouch(session, now, settings.session)) {
    await store.sessions.touch(session.id, now);
    session.lastSeenAt = now;
  }
  return { session, user };
}
