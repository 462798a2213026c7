import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { type FactorType, factorOf } from '../../factors/registry.js';
import type { Store } from '../../ports/store.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { renewSession } from '../sessions/start-session.js';
import { limitFactorCheck, proveFactor } from './prove-factor.js';
import { assertRememberingAllowed, rememberThisDevice } from './remembered-devices.js';

/** Wrong codes one pending sign-in may make before the user starts over with the password. */
export const maxFailuresPerSignIn = 5;

export type SecondFactorOutcome =
  | { ok: true; token: string; rememberedDevice: { token: string; maxAgeSeconds: number } | null }
  /**
   * A wrong proof; `signInEnded` when it was the last this pending sign-in may make; `locked` when
   * the account's second step is locked until the owner unlocks it from the e-mail.
   */
  | { ok: false; signInEnded: boolean; locked: boolean };

/**
 * The second step of sign-in. Only a `second_factor` session may call it. Success turns it into a
 * signed-in session with a new token and a new absolute lifetime. Every failure looks the same to
 * the caller, including the one that ends the pending sign-in: nothing tells a right code apart.
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
): Promise<SecondFactorOutcome> {
  const { store, clock } = deps;
  const now = clock.now();
  const { user, session } = pending;
  if (session.state !== 'second_factor') throw new DomainError('not_signed_in');
  if (input.rememberDevice) await assertRememberingAllowed(deps, user.id);
  let signInEnded = false;
  const endAfterTooMany = async () => {
    const failures = await store.sessions.addFactorFailure(session.id);
    signInEnded = failures >= maxFailuresPerSignIn;
    if (signInEnded) await store.sessions.delete(session.id);
    return { failures };
  };
  // The check spends the code and the session is renewed in one transaction: one commit on the
  // hot path instead of two, and a code is never spent without the sign-in it paid for.
  const signIn = () => store.transaction((tx) => completeSignIn(deps, tx, pending, input, now));
  const checked = await limitFactorCheck(deps, user, input.context, signIn, endAfterTooMany);
  if (!checked.ok) return { ok: false, signInEnded, locked: checked.locked };
  if (factorOf(input.type).scope === 'account')
    await noticeRecoveryCodeUse(deps, pending, input.context, now);
  return { ok: true, ...checked.value };
}

type SignInInput = Parameters<typeof verifySecondFactor>[2];

/** Checks the proof and, when it holds, signs the session in; null for a wrong proof. */
async function completeSignIn(
  deps: AppDeps,
  tx: Store,
  { user, session }: Authenticated,
  input: SignInInput,
  now: Date,
): Promise<{ token: string; rememberedDevice: { token: string; maxAgeSeconds: number } | null } | null> {
  const check = await proveFactor(deps, tx, {
    ...input,
    userId: user.id,
    purpose: 'sign_in',
    sessionId: session.id,
    now,
  });
  if (!check.ok) return null;
  const token = await renewSession(deps, tx, session, {
    state: 'signed_in',
    expiresAt: new Date(now.getTime() + deps.settings.session.absoluteMs),
    now,
  });
  await recordAudit(tx, deps.random, now, {
    userId: user.id,
    type: 'sign_in_succeeded',
    context: input.context,
    detail: { secondFactor: input.type, ...(check.method ? { label: check.method.label } : {}) },
  });
  const rememberedDevice = input.rememberDevice
    ? await rememberThisDevice(deps, tx, { userId: user.id, context: input.context, now })
    : null;
  return { token, rememberedDevice };
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
