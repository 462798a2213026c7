import { DomainError } from '../../core/errors.js';
import { hashToken, newToken } from '../../core/sessions/session-token.js';
import type { RequestContext, User } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';

/**
 * Second-factor attempts in a row without a success before the second step locks. The rate limit
 * alone would let a patient guesser try about a thousand codes a day, forever.
 */
export const maxAttemptsWithoutSuccess = 100;
/** How long the unlock link mailed to the account works. */
export const unlockLinkMs = 24 * 60 * 60 * 1000;

const unlockTokenShape = /^[A-Za-z0-9_-]{43}$/;
export const unlockPath = (token: string) => `/two-factor-unlock/${token}`;

/**
 * The attempt just counted locks (or keeps locked) the second step of a locked account: audited,
 * and a link that unlocks it goes to the account address. At most one valid link exists, so an
 * attacker hammering a locked account sends the owner one mail a day, not one per guess.
 */
export async function lockSecondFactor(deps: AppDeps, user: User, context: RequestContext): Promise<void> {
  const now = deps.clock.now();
  const token = newToken(deps.random);
  const expiresAt = new Date(now.getTime() + unlockLinkMs);
  const store = deps.store.secondFactorLockouts;
  if (!(await store.setUnlockToken(user.id, hashToken(token), expiresAt, now))) return;
  await recordAudit(deps.store, deps.random, now, {
    userId: user.id,
    type: 'second_factor_locked',
    context,
    detail: { attempts: maxAttemptsWithoutSuccess, untilUnlocked: true },
  });
  await deps.notifier.securityNotice({
    user,
    kind: 'secondFactorLockedOut',
    context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    vars: {
      attempts: String(maxAttemptsWithoutSuccess),
      url: `${deps.settings.publicUrl}${unlockPath(token)}`,
    },
  });
}

/** The owner, back from the link in the mail: the count starts again from zero. Single use. */
export async function unlockSecondFactor(
  deps: AppDeps,
  token: string,
  context: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  const userId = unlockTokenShape.test(token)
    ? await deps.store.secondFactorLockouts.unlock(hashToken(token), now)
    : null;
  if (!userId) throw new DomainError('not_found');
  await recordAudit(deps.store, deps.random, now, { userId, type: 'second_factor_unlocked', context });
}
