import { isPlausibleEmail } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';
import { newId } from '../../core/sessions/session-token.js';
import type { RequestContext, TwoFactorMethod } from '../../core/types.js';
import { maskEmail, maskPhone, normalizePhone } from '../../factors/phone/normalize-phone.js';
import type { AppDeps } from '../deps.js';
import { assertMethodAllowed } from '../policy/method-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { pendingSetupMs } from './add-totp-method.js';
import { userLocale } from './code-delivery.js';
import { codeMethodTypes, sendCode } from './send-code.js';

export type CodeMethodType = 'email' | 'sms' | 'voice';
const maxPerType = 10;

/**
 * The name a new method gets: its destination, masked. Free of words, so it reads the same in
 * every language; pages put the kind of method beside it in the reader's language.
 */
export function defaultLabel(type: CodeMethodType, destination: string): string {
  return type === 'email' ? maskEmail(destination) : maskPhone(destination);
}

/** The country a national number is read in when none is given: the one of the user's language. */
export const countryOfLocale: Record<string, string> = { en: 'US', nl: 'NL', sv: 'SE', 'pt-BR': 'BR' };

/** Starts an e-mail method (sudo): the address gets a code, and the method waits for it. */
export function addEmailMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { address: string; context: RequestContext },
): Promise<{ id: string; type: 'email' }> {
  requireSudo(deps, auth);
  const address = input.address.trim();
  if (!isPlausibleEmail(address)) throw new DomainError('invalid_input', 'Not an e-mail address');
  return addCodeMethod(deps, auth, {
    type: 'email',
    destination: address,
    label: defaultLabel('email', address),
    context: input.context,
  }) as Promise<{ id: string; type: 'email' }>;
}

/**
 * Starts an SMS or voice method (sudo): the number is read as E.164 (a national number in
 * `country`, or the country of the user's language), refused when it is not a number this
 * channel reaches or its country is not allowed, then sent a code.
 */
export function addPhoneMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { type: 'sms' | 'voice'; phone: string; country?: string | undefined; context: RequestContext },
): Promise<{ id: string; type: 'sms' | 'voice' }> {
  requireSudo(deps, auth);
  const { type, context } = input;
  const checked = normalizePhone({
    phone: input.phone,
    defaultCountry: input.country ?? countryOfLocale[userLocale(auth.user, context.locale)],
    use: type,
    allowedCountries: deps.settings.phoneCountries,
    allowedHighRisk: deps.settings.phoneHighRisk,
  });
  if (!checked.ok) throw new DomainError(checked.reason);
  const label = defaultLabel(type, checked.e164);
  return addCodeMethod(deps, auth, { type, destination: checked.e164, label, context }) as Promise<{
    id: string;
    type: 'sms' | 'voice';
  }>;
}

async function addCodeMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { type: CodeMethodType; destination: string; label: string; context: RequestContext },
): Promise<{ id: string; type: CodeMethodType }> {
  const { store, clock, random } = deps;
  const now = clock.now();
  const { user, session } = auth;
  const { type, destination } = input;
  await assertMethodAllowed(deps, user.id, type);
  await store.twoFactor.deleteExpiredPending(user.id, now);
  const sameType = (await store.twoFactor.listMethods(user.id)).filter((m) => m.type === type);
  if (sameType.length >= maxPerType) throw new DomainError('method_limit_reached');
  if (sameType.some((m) => m.status === 'active' && m.destination === destination))
    throw new DomainError('conflict', 'This destination is already a method');
  const method: TwoFactorMethod = {
    id: newId(random),
    userId: user.id,
    type,
    label: input.label,
    status: 'pending',
    secretSealed: null,
    destination,
    otp: null,
    lastUsedStep: null,
    createdAt: now,
    confirmedAt: null,
    lastUsedAt: null,
    pendingExpiresAt: new Date(now.getTime() + pendingSetupMs),
  };
  await store.twoFactor.createMethod(method);
  try {
    await sendCode(deps, { user, method, purpose: 'enroll', sessionId: session.id, context: input.context });
  } catch (error) {
    // A set-up whose code never went out is of no use: the user starts again or picks another.
    await store.twoFactor.deleteMethod(method.id);
    throw error;
  }
  return { id: method.id, type };
}

/** "Send again" during set-up (sudo): a new code for the pending method; the old one dies. */
export async function resendSetupCode(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<void> {
  requireSudo(deps, auth);
  const method = await deps.store.twoFactor.findMethod(input.methodId);
  if (
    !method ||
    method.userId !== auth.user.id ||
    method.status !== 'pending' ||
    !codeMethodTypes.has(method.type)
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
