import { DomainError } from '../../core/errors.js';
import { newId } from '../../core/sessions/session-token.js';
import type { RequestContext } from '../../core/types.js';
import type { DeviceOptions } from '../../factors/factor.js';
import { factorOf, isMethodType } from '../../factors/registry.js';
import { requireVerifiedIfAccountAddress } from '../accounts/verify-email.js';
import type { AppDeps } from '../deps.js';
import { assertMethodAllowed } from '../policy/method-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { factorPorts } from './factor-ports.js';
import { sendCode } from './send-code.js';
import { userLocale } from './user-locale.js';

/** A set-up not confirmed with a first code within this time is forgotten. */
export const pendingSetupMs = 15 * 60_000;

export interface MethodEnrollment {
  id: string;
  type: string;
  /** What the factor shows this once (an authenticator's key and link), never again. */
  reveal: Readonly<Record<string, string>>;
  /** For a security key: the options the browser passes to it to register it. */
  options?: DeviceOptions;
}

/**
 * Starts setting up a method of any type (sudo): the policy must allow the type, the user may
 * hold only so many, and the factor reads what the user gave. The method waits, pending, for
 * its first proof; a pending set-up neither locks anyone out nor lets anyone in. A factor with
 * challenges starts the first one now: a code is sent, or a security key gets the options that
 * register it. A set-up whose challenge never started is of no use, so it is forgotten and the
 * user starts again or picks another method.
 */
export async function addMethod(
  deps: AppDeps,
  auth: Authenticated,
  request: { type: string; input: Readonly<Record<string, string | undefined>>; context: RequestContext },
): Promise<MethodEnrollment> {
  requireSudo(deps, auth);
  const { store, clock, random, settings } = deps;
  const now = clock.now();
  const { user, session } = auth;
  const { type, input, context } = request;
  if (!isMethodType(type)) throw new DomainError('invalid_input', 'Not a method type');
  const factor = factorOf(type);
  if (!factor.startEnrollment) throw new DomainError('invalid_input', 'Not a method type');
  await assertMethodAllowed(deps, user.id, type);
  await store.methods.deleteExpiredPending(user.id, now);
  const existing = (await store.methods.listForUser(user.id)).filter((m) => m.type === type);
  if (existing.length >= factor.maxPerUser) throw new DomainError('method_limit_reached');
  const ports = factorPorts(deps, store);
  const started = factor.startEnrollment(ports, {
    user,
    id: newId(random),
    input,
    existing,
    locale: userLocale(user, context.locale),
    settings,
    now,
    pendingExpiresAt: new Date(now.getTime() + pendingSetupMs),
  });
  if (!started.ok) throw new DomainError(started.reason, started.detail);
  const { method, reveal } = started;
  await requireVerifiedIfAccountAddress(deps, user, {
    channel: factor.channel,
    destination: method.destination,
  });
  await store.methods.create(method);
  if (!factor.startChallenge) return { id: method.id, type, reveal };
  try {
    const started = await sendCode(deps, {
      user,
      method,
      purpose: 'enroll',
      sessionId: session.id,
      setupInput: input,
      context,
    });
    return { id: method.id, type, reveal, ...(started ? { options: started.options } : {}) };
  } catch (error) {
    await store.methods.delete(method.id);
    throw error;
  }
}

/** "Send again" during set-up (sudo): a new code for the pending method; the old one dies. */
export async function resendSetupCode(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<void> {
  requireSudo(deps, auth);
  const method = await deps.store.methods.find(input.methodId);
  if (
    !method ||
    method.userId !== auth.user.id ||
    method.status !== 'pending' ||
    !factorOf(method.type).channel
  )
    throw new DomainError('not_found');
  if (!method.pendingExpiresAt || method.pendingExpiresAt <= deps.clock.now())
    throw new DomainError('setup_expired');
  await sendCode(deps, {
    user: auth.user,
    method,
    purpose: 'enroll',
    sessionId: auth.session.id,
    context: input.context,
  });
}
