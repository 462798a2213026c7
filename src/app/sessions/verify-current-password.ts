import { normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll, rateKeys, rateRules } from '../rate-rules.js';
import type { Authenticated } from './authenticate.js';

/**
 * Runs `step` only for the signed-in user who types their password again: sudo mode and password
 * changes alike. Every try is counted before the hash is checked, so parallel guesses are counted
 * in full, and all of them share one budget per user. A wrong password is audited outside any
 * transaction (it must stay on record) and changes nothing. The budget is cleared only once `step`
 * has succeeded, so a right password whose step was refused still counts as a try.
 */
export async function verifyCurrentPassword<T>(
  deps: AppDeps,
  auth: Authenticated,
  input: { password: string; context: RequestContext; now: Date },
  step: () => Promise<T>,
): Promise<T> {
  const { store, hasher, random, limiter } = deps;
  const { user } = auth;
  const budget = rateKeys.confirmPassword(user.id);
  await consumeAll(limiter, input.now, [[budget, rateRules.confirmPassword]]);
  if (!(await hasher.verify(user.passwordHash, normalizePassword(input.password)))) {
    await recordAudit(store, random, input.now, {
      userId: user.id,
      type: 'password_confirm_failed',
      context: input.context,
    });
    throw new DomainError('wrong_password');
  }
  const result = await step();
  await limiter.reset(budget);
  return result;
}
