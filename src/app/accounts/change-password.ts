import { checkNewPassword, normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { renewSession } from '../sessions/start-session.js';
import { verifyCurrentPassword } from '../sessions/verify-current-password.js';
import { assertNewPasswordText } from './input-text.js';

/**
 * Changes the password with the current one (ASVS 6.2.3). Every other session ends, the current one
 * gets a new token, pending reset links die, and the user is told by e-mail.
 */
export async function changePassword(
  deps: AppDeps,
  auth: Authenticated,
  input: { currentPassword: string; newPassword: string; context: RequestContext },
): Promise<{ token: string; otherSessionsEnded: number }> {
  const now = deps.clock.now();
  const { currentPassword, newPassword, context } = input;
  return verifyCurrentPassword(deps, auth, { password: currentPassword, context, now }, () =>
    replacePassword(deps, auth, newPassword, context, now),
  );
}

async function replacePassword(
  deps: AppDeps,
  { user, session }: Authenticated,
  newPassword: string,
  context: RequestContext,
  now: Date,
): Promise<{ token: string; otherSessionsEnded: number }> {
  assertNewPasswordText(newPassword);
  const problem = checkNewPassword(newPassword, { email: user.email });
  if (problem) throw new DomainError(problem);
  const passwordHash = await deps.hasher.hash(normalizePassword(newPassword));
  return deps.store.transaction(async (tx) => {
    await tx.users.updatePasswordHash(user.id, passwordHash);
    const otherSessionsEnded = await tx.sessions.deleteForUser(user.id, session.id);
    await tx.passwordResets.deleteForUser(user.id);
    // A new password means whoever knew the old one must prove the second factor again too.
    await tx.rememberedDevices.deleteForUser(user.id);
    const token = await renewSession(deps, tx, session, { now });
    await recordAudit(tx, deps.random, now, {
      userId: user.id,
      type: 'password_changed',
      context,
      detail: { otherSessionsEnded },
    });
    // Queued with the change: a mail server that is down delays the notice, never the new password.
    await deps.notifier.within(tx).securityNotice({
      user,
      kind: 'passwordChanged',
      context,
      at: now,
      publicUrl: deps.settings.publicUrl,
    });
    return { token, otherSessionsEnded };
  });
}
