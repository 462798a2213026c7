import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { type FactorType, factorOf } from '../../factors/registry.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { renewSession } from '../sessions/start-session.js';
import { proveFactor } from './prove-factor.js';
import { assertRememberingAllowed, rememberThisDevice } from './remembered-devices.js';

/** Wrong codes one pending sign-in may make before the user starts over with the password. */
export const maxFailuresPerSignIn = 5;
/** Wrong second factors per account across all sign-ins (the 10 per 15 minutes). */
export const secondFactorRule = { limit: 10, windowSeconds: 15 * 60 };
export const secondFactorKey = (userId: string) => `2fa:${userId}`;

/**
 * The second step of sign-in. Only a `second_factor` session may call it. Success turns it into a
 * signed-in session with a new token and a new absolute lifetime. Every failure looks the same,
 * including the one that ends the pending sign-in (SECURITY.md a43: no oracle).
 */
export async function verifySecondFactor(
  deps: AppDeps,
  pending: Authenticated,
  input: {
    type: FactorType;
    code: string;
    methodId?: string | undefined;
    context: RequestContext;
    /** "Don't ask again on this device": a token for the remembered-device cookie comes back. */
    rememberDevice?: boolean | undefined;
  },
): Promise<{ token: string; rememberedDevice: { token: string; maxAgeSeconds: number } | null }> {
  const { store, clock, random, limiter, settings } = deps;
  const now = clock.now();
  const { user, session } = pending;
  if (session.state !== 'second_factor') throw new DomainError('not_signed_in');
  if (input.rememberDevice) await assertRememberingAllowed(deps, user.id);
  // Counted before the check, so parallel guesses are all counted (a40).
  const decision = await limiter.consume(secondFactorKey(user.id), secondFactorRule, now);
  if (!decision.allowed) throw new DomainError('rate_limited', 'Too many codes', decision.retryAfterSeconds);
  // The check spends the code and the session is renewed in one transaction: one commit on the
  // hot path instead of two, and a code is never spent without the sign-in it paid for.
  const signedIn = await store.transaction(async (tx) => {
    const check = await proveFactor(deps, tx, {
      ...input,
      userId: user.id,
      purpose: 'sign_in',
      sessionId: session.id,
      now,
    });
    if (!check.ok) return null;
    const renewed = await renewSession(deps, tx, session, {
      state: 'signed_in',
      expiresAt: new Date(now.getTime() + settings.session.absoluteMs),
      now,
    });
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: 'sign_in_succeeded',
      context: input.context,
      detail: { secondFactor: input.type, ...(check.method ? { label: check.method.label } : {}) },
    });
    const rememberedDevice = input.rememberDevice
      ? await rememberThisDevice(deps, tx, { userId: user.id, context: input.context, now })
      : null;
    return { token: renewed, rememberedDevice };
  });
  if (signedIn === null) {
    await recordFailure(deps, pending, input.context, now, decision.remaining === 0);
    throw new DomainError('wrong_code');
  }
  await limiter.reset(secondFactorKey(user.id));
  const { token, rememberedDevice } = signedIn;
  if (factorOf(input.type).scope === 'account')
    await noticeRecoveryCodeUse(deps, pending, input.context, now);
  return { token, rememberedDevice };
}

async function recordFailure(
  deps: AppDeps,
  { user, session }: Authenticated,
  context: RequestContext,
  now: Date,
  accountNowLocked: boolean,
): Promise<void> {
  const { store, random } = deps;
  const failures = await store.sessions.addFactorFailure(session.id);
  if (failures >= maxFailuresPerSignIn) await store.sessions.delete(session.id);
  await recordAudit(store, random, now, {
    userId: user.id,
    type: 'second_factor_failed',
    context,
    detail: { failures },
  });
  if (!accountNowLocked) return;
  const minutes = secondFactorRule.windowSeconds / 60;
  await recordAudit(store, random, now, {
    userId: user.id,
    type: 'second_factor_locked',
    context,
    detail: { minutes },
  });
  await deps.notifier.securityNotice({
    user,
    kind: 'secondFactorLocked',
    context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    vars: { minutes: String(minutes) },
  });
}

async function noticeRecoveryCodeUse(
  deps: AppDeps,
  { user }: Authenticated,
  context: RequestContext,
  now: Date,
) {
  const left = await deps.store.recoveryCodes.countLeft(user.id);
  await recordAudit(deps.store, deps.random, now, {
    userId: user.id,
    type: 'recovery_code_used',
    context,
    detail: { left },
  });
  await deps.notifier.securityNotice({
    user,
    kind: 'recoveryCodeUsed',
    context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    vars: { left: String(left) },
  });
}

/** Whether the pending sign-in still stands after a wrong code: the last allowed one ends it. */
export async function pendingSignInStands(
  deps: Pick<AppDeps, 'store'>,
  pending: Authenticated,
): Promise<boolean> {
  return (await deps.store.sessions.findById(pending.session.id)) !== null;
}
