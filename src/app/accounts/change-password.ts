import { checkNewPassword, normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll, rateKeys, rateRules } from '../rate-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { renewSession } from '../sessions/start-session.js';
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
  const { store, hasher, clock, random, limiter } = deps;
  const now = clock.now();
  const { user, session } = auth;
  await consumeAll(limiter, now, [[rateKeys.confirmPassword(user.id), rateRules.confirmPassword]]);
  if (!(await hasher.verify(user.passwordHash, normalizePassword(input.currentPassword)))) {
    await recordAudit(store, random, now, {
      userId: user.id,
      type: 'password_confirm_failed',
      context: input.context,
    });
    throw new DomainError('wrong_password');
  }
  assertNewPasswordText(input.newPassword);
  const problem = checkNewPassword(input.newPassword, { email: user.email });
  if (problem) throw new DomainError(problem);
  const passwordHash = await hasher.hash(normalizePassword(input.newPassword));
  const result = await store.transaction(async (tx) => {
    await tx.users.updatePasswordHash(user.id, passwordHash);
    const otherSessionsEnded = await tx.sessions.deleteForUser(user.id, session.id);
    await tx.passwordResets.deleteForUser(user.id);
    // A new password means whoever knew the old one must prove the second factor again too.
    await tx.rememberedDevices.deleteForUser(user.id);
    const token = await renewSession(deps, tx, session, { now });
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: 'password_changed',
      context: input.context,
      detail: { otherSessionsEnded },
    });
    return { token, otherSessionsEnded };
  });
  await limiter.reset(rateKeys.confirmPassword(user.id));
  await deps.notifier.securityNotice({
    user,
    kind: 'passwordChanged',
    context: input.context,
    at: now,
    publicUrl: deps.settings.publicUrl,
  });
  return result;
}
