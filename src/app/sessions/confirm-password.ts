import { normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { sudoWindowMs } from '../policy/sudo-window.js';
import { consumeAll, rateKeys, rateRules } from '../rate-rules.js';
import type { Authenticated } from './authenticate.js';
import { renewSession } from './start-session.js';

/**
 * Sudo mode (seed 003: "Please confirm your password before continuing"): the password again opens
 * a short window for security changes in this session only, and renews the session token.
 */
export async function confirmPassword(
  deps: AppDeps,
  auth: Authenticated,
  input: { password: string; context: RequestContext },
): Promise<{ token: string; sudoUntil: Date }> {
  const { store, hasher, clock, random, limiter } = deps;
  const now = clock.now();
  const { user, session } = auth;
  await consumeAll(limiter, now, [[rateKeys.confirmPassword(user.id), rateRules.confirmPassword]]);
  if (!(await hasher.verify(user.passwordHash, normalizePassword(input.password)))) {
    await recordAudit(store, random, now, {
      userId: user.id,
      type: 'password_confirm_failed',
      context: input.context,
    });
    throw new DomainError('wrong_password');
  }
  await limiter.reset(rateKeys.confirmPassword(user.id));
  const sudoUntil = new Date(now.getTime() + (await sudoWindowMs(deps, user.id)));
  const token = await store.transaction(async (tx) => {
    const renewed = await renewSession(deps, tx, session, { sudoUntil, now });
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: 'password_confirmed',
      context: input.context,
    });
    return renewed;
  });
  return { token, sudoUntil };
}
