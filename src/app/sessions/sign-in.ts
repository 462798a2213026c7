import { normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import { isTwoFactorRequired } from '../../core/policy/policy-rules.js';
import { hashToken } from '../../core/sessions/session-token.js';
import type { RequestContext, Session, User } from '../../core/types.js';
import { assertAddressText } from '../accounts/input-text.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { effectivePolicyFor } from '../policy/effective-policy.js';
import { sudoWindowMs } from '../policy/sudo-window.js';
import { applyDueResetFor } from '../support/two-factor-reset.js';
import { recognizeRememberedDevice } from '../two-factor/remembered-devices.js';
import { hasTwoFactor } from '../two-factor/two-factor-status.js';
import { admitSignInAttempt, clearSignInFailures } from './sign-in-limits.js';
import { startSession } from './start-session.js';

export interface SignInResult {
  token: string;
  session: Session;
  user: User;
}

let dummyHash: Promise<string> | null = null;

/**
 * First step: e-mail and password. An unknown address costs the same hashing time as a wrong
 * password and gets the same answer. A user with 2FA gets a `second_factor` session that proves
 * nothing else.
 */
export async function signIn(
  deps: AppDeps,
  input: {
    email: string;
    password: string;
    context: RequestContext;
    previousToken?: string | undefined;
    /** The browser's remembered-device tokens: they may skip the second factor, never the password. */
    rememberedDeviceTokens?: string[] | undefined;
  },
): Promise<SignInResult> {
  const { store, hasher, clock, random } = deps;
  const now = clock.now();
  const { email, context } = input;
  const rememberedDeviceTokens = input.rememberedDeviceTokens ?? [];
  // Before any look-up or rate-limit key: the store cannot hold some characters (NUL in PostgreSQL).
  assertAddressText(email);
  const attempt = { email, context, rememberedDeviceTokens };
  const admitted = await admitSignInAttempt(deps, now, attempt).catch(async (error) => {
    const user = await store.users.findByEmail(email);
    // One event per quarter hour: a flood of refused attempts must not push the user's real
    // events out of their recent activity.
    const quarterHourAgo = now.getTime() - 15 * 60_000;
    const recent = user ? await store.audit.listForUser(user.id, 20) : [];
    if (!recent.some((e) => e.type === 'sign_in_rate_limited' && e.at.getTime() > quarterHourAgo)) {
      await recordAudit(store, random, now, {
        userId: user?.id ?? null,
        type: 'sign_in_rate_limited',
        context,
      });
    }
    throw error;
  });
  const password = normalizePassword(input.password);
  const user = await store.users.findByEmail(email);
  if (user && admitted.slowdownStarted) await tellOwnerOfSlowdown(deps, user, context, now);
  if (!user) {
    dummyHash ??= hasher.hash('dummy password for timing');
    await hasher.verify(await dummyHash, password);
    throw new DomainError('invalid_credentials');
  }
  if (!(await hasher.verify(user.passwordHash, password))) {
    await recordAudit(store, random, now, { userId: user.id, type: 'sign_in_failed', context });
    throw new DomainError('invalid_credentials');
  }
  if (user.disabledAt) throw new DomainError('account_disabled');
  if (hasher.needsRehash(user.passwordHash)) {
    await store.users.updatePasswordHash(user.id, await hasher.hash(password));
  }
  // A support reset whose wait is over takes effect now, not when the job next runs.
  await applyDueResetFor(deps, user.id, context);
  const needsSecondFactor = await hasTwoFactor(store, user.id);
  const rememberedDevice = needsSecondFactor
    ? await recognizeRememberedDevice(deps, user.id, rememberedDeviceTokens, now)
    : null;
  await clearSignInFailures(deps, { email, context, rememberedDeviceId: rememberedDevice?.id ?? null });
  // Read before the transaction: on SQLite a read beside an open transaction waits on itself.
  const policy = needsSecondFactor ? null : await effectivePolicyFor(deps, user.id);
  const setUpFirst = policy !== null && isTwoFactorRequired(policy, now);
  // Without 2FA before the deadline, the session ends at the deadline: the next sign-in is set-up only.
  const notAfter = policy?.requiredFrom && !setUpFirst ? policy.requiredFrom.value : undefined;
  // They just typed their password: set-up, which needs sudo, may start at once (T-LOGIN-6).
  const setupSudoUntil = setUpFirst ? new Date(now.getTime() + (await sudoWindowMs(deps, user.id))) : null;
  return store.transaction(async (tx) => {
    // Whatever session the browser held before dies: sign-in always issues a fresh one (T-LOGIN-3).
    if (input.previousToken) {
      const previous = await tx.sessions.findByTokenHash(hashToken(input.previousToken));
      if (previous) await tx.sessions.delete(previous.id);
    }
    const state =
      needsSecondFactor && !rememberedDevice
        ? 'second_factor'
        : setUpFirst
          ? 'two_factor_setup'
          : 'signed_in';
    const { token, session } = await startSession(deps, tx, {
      userId: user.id,
      state,
      context,
      now,
      sudoUntil: setupSudoUntil,
      notAfter,
    });
    if (rememberedDevice) {
      await tx.rememberedDevices.markUsed(rememberedDevice.id, now);
      await recordAudit(tx, random, now, {
        userId: user.id,
        type: 'second_factor_remembered',
        context,
        detail: { device: rememberedDevice.deviceName },
      });
    } else if (state === 'signed_in') {
      await recordAudit(tx, random, now, { userId: user.id, type: 'sign_in_succeeded', context });
    } else if (state === 'two_factor_setup') {
      await recordAudit(tx, random, now, {
        userId: user.id,
        type: 'sign_in_succeeded',
        context,
        detail: { twoFactorSetupRequired: true },
      });
    }
    return { token, session, user };
  });
}

/** Once per hour of heavy guessing, not per attempt: the owner learns of it and can act. */
async function tellOwnerOfSlowdown(deps: AppDeps, user: User, context: RequestContext, now: Date) {
  await deps.notifier.securityNotice({
    user,
    kind: 'signInSlowedDown',
    context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    includeNotYou: false,
  });
}
