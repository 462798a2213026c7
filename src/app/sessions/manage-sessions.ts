import { DomainError } from '../../core/errors.js';
import { isInSudo } from '../../core/sessions/session-rules.js';
import type { RequestContext, Session } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from './authenticate.js';

const sessionIdShape = /^[A-Za-z0-9_-]{1,64}$/;

/** Security changes need the password confirmed in this session a few minutes ago (sudo mode). */
export function requireSudo(deps: Pick<AppDeps, 'clock'>, auth: Authenticated): void {
  if (!isInSudo(auth.session, deps.clock.now())) throw new DomainError('sudo_required');
}

export function listSessions(deps: Pick<AppDeps, 'store'>, auth: Authenticated): Promise<Session[]> {
  return deps.store.sessions.listForUser(auth.user.id);
}

/** Signs another device out (ASVS 7.5.2: after re-authentication, so it needs sudo). */
export async function revokeSession(
  deps: AppDeps,
  auth: Authenticated,
  input: { sessionId: string; context: RequestContext },
): Promise<void> {
  if (input.sessionId === auth.session.id) return signOut(deps, auth, input.context);
  requireSudo(deps, auth);
  // Ids are base64url; anything else (a NUL, which PostgreSQL refuses in text) cannot name a session.
  const target = sessionIdShape.test(input.sessionId)
    ? await deps.store.sessions.findById(input.sessionId)
    : null;
  // Another user's session id answers exactly like an unknown one.
  if (!target || target.userId !== auth.user.id) throw new DomainError('not_found');
  await deps.store.transaction(async (tx) => {
    await tx.sessions.delete(target.id);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: auth.user.id,
      type: 'session_revoked',
      context: input.context,
      detail: { device: target.userAgent.slice(0, 120), ip: target.ip },
    });
  });
}

export async function revokeOtherSessions(
  deps: AppDeps,
  auth: Authenticated,
  context: RequestContext,
): Promise<number> {
  requireSudo(deps, auth);
  return deps.store.transaction(async (tx) => {
    const ended = await tx.sessions.deleteForUser(auth.user.id, auth.session.id);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: auth.user.id,
      type: 'other_sessions_revoked',
      context,
      detail: { ended },
    });
    return ended;
  });
}

/** Server-side sign-out: the cookie's token is worthless from now on (T-SESSION-6). */
export async function signOut(deps: AppDeps, auth: Authenticated, context: RequestContext): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await tx.sessions.delete(auth.session.id);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: auth.user.id,
      type: 'signed_out',
      context,
    });
  });
}
