import { DomainError } from '../../core/errors.js';
import { hashToken, newId, newToken } from '../../core/sessions/session-token.js';
import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import type { RequestContext, User } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { channelsOf } from './reset-notices.js';

export const maxReasonLength = 500;
const cancelTokenShape = /^[A-Za-z0-9_-]{43}$/;

/** Who asked for a reset: a staff member in the console, or an operator at the CLI (null). */
export type ResetActor = Pick<User, 'id' | 'email'> | null;

export const actorDetail = (actor: ResetActor) => ({
  actor: actor?.id ?? 'cli',
  actorEmail: actor?.email ?? null,
});

/** The address of the cancel link; the token rides in the path, never in a log-prone query. */
export const cancelLink = (publicUrl: string, token: string) =>
  `${publicUrl}/two-factor-reset/cancel/${token}`;

/**
 * When a customer has lost every method and asks for help, support removes their second factors so
 * they can set them up again.
 * It never reveals or sets a factor or the password (threat model T-RESET-2). It waits the configured
 * period before it takes effect and tells the user on every channel, with a link to cancel: a caller
 * who talked support into it does not get in before the real user notices.
 */
export async function requestTwoFactorReset(
  deps: AppDeps,
  input: { actor: ResetActor; userId: string; reason: string; context: RequestContext; now?: boolean },
): Promise<TwoFactorReset> {
  const { store, clock, random, settings } = deps;
  const reason = input.reason.trim();
  if (!reason || reason.length > maxReasonLength) throw new DomainError('invalid_input', 'reason');
  const user = await store.users.findById(input.userId);
  if (!user) throw new DomainError('not_found');
  const now = clock.now();
  const token = newToken(random);
  const delayMs = input.now ? 0 : settings.twoFactorResetDelayMs;
  const reset: TwoFactorReset = {
    id: newId(random),
    userId: user.id,
    requestedBy: input.actor?.id ?? null,
    reason,
    requestedAt: now,
    effectiveAt: new Date(now.getTime() + delayMs),
    cancelTokenHash: hashToken(token),
    status: 'pending',
    closedAt: null,
  };
  const methods = await store.transaction(async (tx) => {
    if (await tx.twoFactorResets.findPendingForUser(user.id)) throw new DomainError('reset_pending');
    const methods = await tx.methods.listForUser(user.id);
    if (methods.length === 0 && (await tx.recoveryCodes.countLeft(user.id)) === 0) {
      throw new DomainError('nothing_to_reset');
    }
    if (!(await tx.twoFactorResets.create(reset))) throw new DomainError('reset_pending');
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: 'two_factor_reset_requested',
      context: input.context,
      detail: { ...actorDetail(input.actor), reason, effectiveAt: reset.effectiveAt.toISOString() },
    });
    return methods;
  });
  if (delayMs === 0) {
    await completeTwoFactorReset(deps, reset, input.context);
    return { ...reset, status: 'done', closedAt: now };
  }
  await deps.notifier.twoFactorReset(user, channelsOf(user, methods), {
    kind: 'requested',
    effectiveAt: reset.effectiveAt,
    cancelUrl: cancelLink(settings.publicUrl, token),
  });
  return reset;
}

/**
 * Applies a due reset: every method and recovery code goes, every session ends, remembered devices
 * are forgotten. Only the caller that moves the reset from pending to done does the work, so the
 * job and a sign-in racing on it act once. Returns whether this call applied it.
 */
export async function completeTwoFactorReset(
  deps: AppDeps,
  reset: TwoFactorReset,
  context: RequestContext,
): Promise<boolean> {
  const { store, clock, random } = deps;
  const now = clock.now();
  const done = await store.transaction(async (tx) => {
    if (!(await tx.twoFactorResets.close(reset.id, 'done', now))) return null;
    const user = await tx.users.findById(reset.userId);
    if (!user) return null;
    const methods = await tx.methods.listForUser(user.id);
    for (const method of methods) await tx.methods.delete(method.id);
    await tx.recoveryCodes.deleteForUser(user.id);
    await tx.methods.setPrimaryId(user.id, null);
    // A second step locked after too many wrong codes starts afresh with the new methods.
    await tx.secondFactorLockouts.clear(user.id);
    const ended = await tx.sessions.deleteForUser(user.id);
    const forgotten = await tx.rememberedDevices.deleteForUser(user.id);
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: 'two_factor_reset_completed',
      context,
      detail: {
        resetId: reset.id,
        methods: methods.length,
        sessionsEnded: ended,
        devicesForgotten: forgotten,
      },
    });
    return { user, methods };
  });
  if (!done) return false;
  await deps.notifier.twoFactorReset(done.user, channelsOf(done.user, done.methods), { kind: 'now' });
  return true;
}

/** Applies every reset whose waiting period is over; the `serve` job calls this on an interval. */
export async function completeDueResets(deps: AppDeps, context: RequestContext): Promise<number> {
  const due = await deps.store.twoFactorResets.listDue(deps.clock.now(), 100);
  let applied = 0;
  for (const reset of due) if (await completeTwoFactorReset(deps, reset, context)) applied++;
  return applied;
}

/**
 * Applies this user's reset if it is due, so a sign-in never waits on the job: a user whose reset
 * took effect is asked for no factor they no longer have.
 */
export async function applyDueResetFor(
  deps: AppDeps,
  userId: string,
  context: RequestContext,
): Promise<void> {
  const pending = await deps.store.twoFactorResets.findPendingForUser(userId);
  if (pending && pending.effectiveAt.getTime() <= deps.clock.now().getTime()) {
    await completeTwoFactorReset(deps, pending, context);
  }
}

export function pendingResetFor(
  deps: Pick<AppDeps, 'store'>,
  userId: string,
): Promise<TwoFactorReset | null> {
  return deps.store.twoFactorResets.findPendingForUser(userId);
}

/** Closes a pending reset as cancelled, audited with who stopped it, and tells the user. */
export async function cancel(
  deps: AppDeps,
  reset: TwoFactorReset,
  via: 'session' | 'link' | 'staff',
  context: RequestContext,
  byStaff: ResetActor = null,
) {
  const { store, clock, random } = deps;
  const now = clock.now();
  const user = await store.transaction(async (tx) => {
    if (!(await tx.twoFactorResets.close(reset.id, 'cancelled', now))) return null;
    await recordAudit(tx, random, now, {
      userId: reset.userId,
      type: 'two_factor_reset_cancelled',
      context,
      detail: { resetId: reset.id, via, ...(via === 'staff' ? actorDetail(byStaff) : {}) },
    });
    return tx.users.findById(reset.userId);
  });
  if (!user) throw new DomainError('not_found');
  await deps.notifier.twoFactorReset(user, channelsOf(user, []), { kind: 'cancelled' });
}

/** The signed-in user stops a pending reset of their own account. */
export async function cancelResetFromSession(
  deps: AppDeps,
  userId: string,
  context: RequestContext,
): Promise<void> {
  const pending = await deps.store.twoFactorResets.findPendingForUser(userId);
  // Past its time the reset is no longer the user's to stop: it is applied instead.
  if (!pending || pending.effectiveAt.getTime() <= deps.clock.now().getTime()) {
    throw new DomainError('not_found');
  }
  await cancel(deps, pending, 'session', context);
}

/** The reset a cancel link names while it can still be cancelled; null for any other token. */
export async function resetForCancelToken(deps: AppDeps, token: string): Promise<TwoFactorReset | null> {
  if (!cancelTokenShape.test(token)) return null;
  const reset = await deps.store.twoFactorResets.findPendingByTokenHash(hashToken(token));
  if (!reset || reset.effectiveAt.getTime() <= deps.clock.now().getTime()) return null;
  return reset;
}

/** The link in the notice: works once, without signing in, until the reset takes effect. */
export async function cancelResetWithToken(
  deps: AppDeps,
  token: string,
  context: RequestContext,
): Promise<void> {
  const reset = await resetForCancelToken(deps, token);
  if (!reset) throw new DomainError('reset_token_invalid');
  await cancel(deps, reset, 'link', context);
}
