import { DomainError } from '../../core/errors.js';
import { hashToken, newToken } from '../../core/sessions/session-token.js';
import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { channelsOf } from './reset-notices.js';
import {
  actorDetail,
  cancel,
  cancelLink,
  completeTwoFactorReset,
  maxReasonLength,
  type ResetActor,
} from './two-factor-reset.js';

/** The reset waiting for this user; `reset_not_pending` when there is none to change. */
async function pendingOf(deps: AppDeps, userId: string): Promise<TwoFactorReset> {
  const pending = await deps.store.twoFactorResets.findPendingForUser(userId);
  if (!pending || pending.effectiveAt.getTime() <= deps.clock.now().getTime()) {
    throw new DomainError('not_found', 'No reset of two-step verification is waiting for this account.');
  }
  return pending;
}

/**
 * Shortens the wait of a pending reset, for a second reason (say, the user proved who they are on
 * a video call). Only ever earlier: a later time would be a new request. At or before now the reset
 * takes effect at once; otherwise the user is told the new time on every channel, with a new
 * cancel link (the old one stops working, so no notice points at a time that no longer holds).
 */
export async function shortenTwoFactorReset(
  deps: AppDeps,
  input: { actor: ResetActor; userId: string; reason: string; effectiveAt: Date; context: RequestContext },
): Promise<TwoFactorReset> {
  const reason = input.reason.trim();
  if (!reason || reason.length > maxReasonLength) throw new DomainError('invalid_input', 'reason');
  const pending = await pendingOf(deps, input.userId);
  const now = deps.clock.now();
  const effectiveAt = input.effectiveAt.getTime() < now.getTime() ? now : input.effectiveAt;
  if (effectiveAt.getTime() >= pending.effectiveAt.getTime()) {
    throw new DomainError('invalid_input', 'effectiveAt');
  }
  const token = newToken(deps.random);
  const moved = await deps.store.transaction(async (tx) => {
    if (!(await tx.twoFactorResets.bringForward(pending.id, effectiveAt, hashToken(token)))) return false;
    await recordAudit(tx, deps.random, now, {
      userId: pending.userId,
      type: 'two_factor_reset_shortened',
      context: input.context,
      detail: {
        ...actorDetail(input.actor),
        reason,
        resetId: pending.id,
        from: pending.effectiveAt.toISOString(),
        effectiveAt: effectiveAt.toISOString(),
      },
    });
    return true;
  });
  if (!moved) throw new DomainError('not_found', 'The reset was cancelled or took effect meanwhile.');
  const shortened = { ...pending, effectiveAt, cancelTokenHash: hashToken(token) };
  if (effectiveAt.getTime() <= now.getTime()) {
    await completeTwoFactorReset(deps, shortened, input.context);
    return { ...shortened, status: 'done', closedAt: now };
  }
  const user = await deps.store.users.findById(pending.userId);
  if (user) {
    const methods = await deps.store.methods.listForUser(user.id);
    await deps.notifier.twoFactorReset(user, channelsOf(user, methods), {
      kind: 'requested',
      effectiveAt,
      cancelUrl: cancelLink(deps.settings.publicUrl, token),
    });
  }
  return shortened;
}

/** Staff stop a pending reset (the user called back: it was not them); audited with their name. */
export async function cancelResetAsActor(
  deps: AppDeps,
  input: { actor: ResetActor; userId: string; context: RequestContext },
): Promise<void> {
  const pending = await pendingOf(deps, input.userId);
  await cancel(deps, pending, 'staff', input.context, input.actor);
}
