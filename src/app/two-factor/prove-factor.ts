import { DomainError } from '../../core/errors.js';
import type { AuditEvent, ProofPurpose, RequestContext, TwoFactorMethod, User } from '../../core/types.js';
import type { Suspicion } from '../../factors/factor.js';
import { factorOf, isFactorType } from '../../factors/registry.js';
import type { Store } from '../../ports/store.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { factorPorts } from './factor-ports.js';
import { lockSecondFactor, maxAttemptsWithoutSuccess } from './second-factor-lockout.js';
import { activeMethods } from './two-factor-status.js';

/** Wrong second factors per account, across every path that checks one. */
export const secondFactorRule = { limit: 10, windowSeconds: 15 * 60 };
export const secondFactorKey = (userId: string) => `2fa:${userId}`;

/** `locked`: the account's second step is locked until the owner unlocks it from the e-mail. */
export type LimitedCheck<T> = { ok: true; value: T } | { ok: false; locked: boolean };

/**
 * The one gate in front of every check of a user's second factor: signing in, turning 2FA off,
 * confirming a set-up, changing a destination. One budget per account, so switching paths wins an
 * attacker nothing. The attempt is counted before the check, so parallel guesses all count; a
 * success clears the count. `check` returns null for a wrong proof, after committing whatever the
 * wrong try spent; `onFailure` adds the caller's own bookkeeping to the audit event.
 *
 * Past `maxAttemptsWithoutSuccess` attempts in a row the proof is not even checked: a right code
 * is refused like a wrong one, so a locked account is no oracle, until the owner unlocks it.
 */
export async function limitFactorCheck<T>(
  deps: AppDeps,
  user: User,
  context: RequestContext,
  check: () => Promise<T | null>,
  onFailure?: () => Promise<AuditEvent['detail']>,
): Promise<LimitedCheck<T>> {
  const now = deps.clock.now();
  const decision = await deps.limiter.consume(secondFactorKey(user.id), secondFactorRule, now);
  if (!decision.allowed) throw new DomainError('rate_limited', 'Too many codes', decision.retryAfterSeconds);
  const attempts = await deps.store.secondFactorLockouts.countAttempt(user.id);
  const value = attempts > maxAttemptsWithoutSuccess ? null : await check();
  if (value !== null) {
    await deps.limiter.reset(secondFactorKey(user.id));
    await deps.store.secondFactorLockouts.clear(user.id);
    return { ok: true, value };
  }
  const locked = attempts >= maxAttemptsWithoutSuccess;
  const detail = { ...(onFailure ? await onFailure() : {}), ...(locked ? { locked } : {}) };
  await recordAudit(deps.store, deps.random, now, {
    userId: user.id,
    type: 'second_factor_failed',
    context,
    detail,
  });
  if (locked) await lockSecondFactor(deps, user, context);
  else if (decision.remaining === 0) await tellLocked(deps, user, context, now);
  return { ok: false, locked };
}

/** The last wrong code of the window: audited, and the owner hears of it. */
async function tellLocked(deps: AppDeps, user: User, context: RequestContext, now: Date): Promise<void> {
  const minutes = secondFactorRule.windowSeconds / 60;
  await recordAudit(deps.store, deps.random, now, {
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

export type ProofCheck = { ok: true; method: TwoFactorMethod | null } | { ok: false };

/**
 * Checks a second factor of a user for `purpose`, whatever its type: a factor of the account
 * (recovery codes) directly; a method's proof against the named method, or, for factors whose
 * codes the user's own device makes, against each of the user's methods of that type. A code
 * sent to a destination belongs to one method, so that method must be named. Each factor spends
 * what it accepts; nothing here knows how. A refusal the factor finds suspicious (a cloned
 * security key) is audited on its own, in `store`, whatever the caller does with the refusal.
 */
export async function proveFactor(
  deps: Pick<AppDeps, 'secretBox' | 'random' | 'recoveryPeppers' | 'settings'>,
  store: Store,
  input: {
    userId: string;
    type: string;
    code: string;
    methodId?: string | undefined;
    purpose: ProofPurpose;
    sessionId: string;
    now: Date;
    context: RequestContext;
  },
): Promise<ProofCheck> {
  const { userId, type, code, methodId, purpose, sessionId, now, context } = input;
  if (!isFactorType(type)) return { ok: false };
  const factor = factorOf(type);
  const ports = factorPorts(deps, store);
  const suspicions: Array<{ suspicion: Suspicion; method: TwoFactorMethod | null }> = [];
  const proof = { userId, code, purpose, sessionId, now };
  const suspecting = (method: TwoFactorMethod | null) => ({
    ...proof,
    method,
    suspect: (suspicion: Suspicion) => suspicions.push({ suspicion, method }),
  });
  if (factor.scope === 'account') {
    return (await factor.verify(ports, { ...proof, method: null }))
      ? { ok: true, method: null }
      : { ok: false };
  }
  if (factor.channel && methodId === undefined) return { ok: false };
  const candidates = (await activeMethods(store, userId)).filter(
    (m) => m.type === type && (methodId === undefined || m.id === methodId),
  );
  for (const method of candidates) {
    if (await factor.verify(ports, suspecting(method))) return { ok: true, method };
  }
  for (const { suspicion, method } of suspicions) {
    await recordAudit(store, deps.random, now, {
      userId,
      type: suspicionEvents[suspicion],
      context,
      detail: { method: type, label: method?.label ?? null },
    });
  }
  return { ok: false };
}

const suspicionEvents = { authenticator_cloned: 'security_key_clone_suspected' } as const satisfies Record<
  Suspicion,
  AuditEvent['type']
>;
