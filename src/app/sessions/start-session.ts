import { absoluteExpiry } from '../../core/sessions/session-rules.js';
import { hashToken, newId, newToken } from '../../core/sessions/session-token.js';
import type { RequestContext, Session, SessionState } from '../../core/types.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';

/** Opens a brand-new session (new id, new token) for a user who just proved their password. */
export async function startSession(
  deps: Pick<AppDeps, 'random' | 'settings'>,
  store: Store,
  input: {
    userId: string;
    state: SessionState;
    context: RequestContext;
    now: Date;
    sudoUntil?: Date | null;
    /** An earlier end than the usual lifetime, such as a 2FA deadline. */
    notAfter?: Date | undefined;
  },
): Promise<{ token: string; session: Session }> {
  const token = newToken(deps.random);
  const lifetimeEnd = absoluteExpiry(input.now, input.state, deps.settings.session);
  const session: Session = {
    id: newId(deps.random),
    tokenHash: hashToken(token),
    userId: input.userId,
    state: input.state,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: input.notAfter && input.notAfter < lifetimeEnd ? input.notAfter : lifetimeEnd,
    sudoUntil: input.sudoUntil ?? null,
    userAgent: input.context.userAgent.slice(0, 512),
    ip: input.context.ip,
  };
  await store.sessions.create(session);
  return { token, session };
}

/**
 * Gives an existing session a new token (and optionally a new state or sudo window): every step
 * up renews the token, so a token seen before the step is worth nothing after it (ASVS 7.2.4).
 */
export async function renewSession(
  deps: Pick<AppDeps, 'random'>,
  store: Store,
  session: Session,
  changes: { state?: Session['state']; sudoUntil?: Date | null; expiresAt?: Date; now: Date },
): Promise<string> {
  const token = newToken(deps.random);
  await store.sessions.rotate(session.id, hashToken(token), {
    lastSeenAt: changes.now,
    ...(changes.state ? { state: changes.state } : {}),
    ...(changes.expiresAt ? { expiresAt: changes.expiresAt } : {}),
    ...(changes.sudoUntil !== undefined ? { sudoUntil: changes.sudoUntil } : {}),
  });
  return token;
}
