import { isPlausibleEmail } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';
import type { RequestContext, TwoFactorMethod } from '../../core/types.js';
import { codeHashKey, codeMatches, codeRules, isLive } from '../../factors/one-time-code/one-time-code.js';
import { maskEmail, maskPhone, normalizePhone } from '../../factors/phone/normalize-phone.js';
import { translator } from '../../i18n/translate.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { sendSecurityMail } from '../notifications.js';
import { consumeAll } from '../rate-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { countryOfLocale } from './add-code-method.js';
import { userLocale } from './code-delivery.js';
import { codeMethodTypes, sendCode } from './send-code.js';
import { activeMethods } from './two-factor-gate.js';

/** Wrong codes per account in 15 minutes, beside the five per code: restarts do not reset it (a27). */
const confirmRule = { limit: 10, windowSeconds: 15 * 60 };
const confirmKey = (userId: string) => `2fa-change:${userId}`;

export type NewDestination = { address: string } | { phone: string; country?: string | undefined };

const masked = (method: Pick<TwoFactorMethod, 'type'>, destination: string) =>
  method.type === 'email' ? maskEmail(destination) : maskPhone(destination);

/** The user's own active e-mail, SMS or voice method; anything else answers `not_found`. */
export async function ownCodeMethod(
  deps: Pick<AppDeps, 'store'>,
  auth: Authenticated,
  methodId: string,
): Promise<TwoFactorMethod & { destination: string }> {
  const method = await deps.store.twoFactor.findMethod(methodId);
  if (
    !method ||
    method.userId !== auth.user.id ||
    method.status !== 'active' ||
    !codeMethodTypes.has(method.type) ||
    !method.destination
  )
    throw new DomainError('not_found');
  return method as TwoFactorMethod & { destination: string };
}

/** The new address or number read like at set-up: an e-mail address, or a number in E.164. */
function readDestination(
  deps: AppDeps,
  auth: Authenticated,
  method: TwoFactorMethod,
  input: NewDestination & { context: RequestContext },
): string {
  if (method.type === 'email') {
    const address = 'address' in input ? input.address.trim() : '';
    if (!isPlausibleEmail(address)) throw new DomainError('invalid_input', 'Not an e-mail address');
    return address;
  }
  const checked = normalizePhone({
    phone: 'phone' in input ? input.phone : '',
    defaultCountry:
      ('country' in input ? input.country : undefined) ??
      countryOfLocale[userLocale(auth.user, input.context.locale)],
    use: method.type === 'voice' ? 'voice' : 'sms',
    allowedCountries: deps.settings.phoneCountries,
    allowedHighRisk: deps.settings.phoneHighRisk,
  });
  if (!checked.ok) throw new DomainError(checked.reason);
  return checked.e164;
}

/**
 * Starts moving an e-mail, SMS or voice method to a new address or number (sudo; SECURITY.md
 * a29): a code for `change` goes to the new destination, bound to this session. Nothing changes
 * yet: the old destination keeps working until the code comes back. Sending again obeys the same
 * cool-down and limits as every code.
 */
export async function startDestinationChange(
  deps: AppDeps,
  auth: Authenticated,
  input: NewDestination & { methodId: string; context: RequestContext },
): Promise<{ sentTo: string }> {
  requireSudo(deps, auth);
  const { user, session } = auth;
  const method = await ownCodeMethod(deps, auth, input.methodId);
  const destination = readDestination(deps, auth, method, input);
  const same = (other: string | null) => other?.toLowerCase() === destination.toLowerCase();
  if (same(method.destination)) throw new DomainError('conflict', 'Codes already go there');
  const taken = (await activeMethods(deps.store, user.id)).some(
    (m) => m.type === method.type && m.id !== method.id && same(m.destination),
  );
  if (taken) throw new DomainError('conflict', 'This destination is already a method');
  await sendCode(deps, {
    user,
    method: { ...method, destination },
    purpose: 'change',
    sessionId: session.id,
    context: input.context,
  });
  return { sentTo: masked(method, destination) };
}

/**
 * Switches the method to the destination its `change` code went to, once that code comes back
 * in the same session. The check, the switch and the audit event are one transaction; then the
 * account address hears of it, and so does the old number when a number changed.
 */
export async function confirmDestinationChange(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; code: string; context: RequestContext },
): Promise<void> {
  requireSudo(deps, auth);
  const { store, clock, random, limiter, recoveryPeppers } = deps;
  const now = clock.now();
  const { user, session } = auth;
  const method = await ownCodeMethod(deps, auth, input.methodId);
  await consumeAll(limiter, now, [[confirmKey(user.id), confirmRule]]);
  const challenge = await store.codeChallenges.findLatest(method.id, 'change', session.id);
  const destination = challenge?.destination;
  if (!challenge || !destination || challenge.userId !== user.id || !isLive(challenge, now))
    throw new DomainError('wrong_code');
  // Older peppers too, so a code in flight survives a key rotation; compared in constant time.
  if (!recoveryPeppers.some((pepper) => codeMatches(codeHashKey(pepper), challenge, input.code))) {
    await store.codeChallenges.addWrongTry(challenge.id);
    throw new DomainError('wrong_code');
  }
  const from = masked(method, method.destination);
  const to = masked(method, destination);
  await store.transaction(async (tx) => {
    // Spent by id: a newer code for another destination (sent meanwhile) is a different row.
    if (!(await tx.codeChallenges.consume(challenge.id, now, codeRules.maxWrongTries)))
      throw new DomainError('wrong_code');
    // A renamed method keeps its name; a name that shows the old destination shows the new one.
    const label = method.label.includes(from) ? method.label.replace(from, to) : method.label;
    if (!(await tx.twoFactor.changeDestination(method.id, destination, label)))
      throw new DomainError('not_found');
    // Codes sent to the old destination, for any purpose or session, die with the change.
    await tx.codeChallenges.deleteForMethod(method.id);
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: 'method_destination_changed',
      context: input.context,
      detail: { method: method.type, from, to },
    });
  });
  await limiter.reset(confirmKey(user.id));
  await sendSecurityMail(deps.mailer, {
    user,
    kind: 'methodDestinationChanged',
    context: input.context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    vars: { from, to },
  });
  if (method.type !== 'email') await tellOldNumber(deps, auth, { method, to, context: input.context, now });
}

/** The old number hears that codes now go elsewhere; a failed notice is audited, not fatal. */
async function tellOldNumber(
  deps: AppDeps,
  auth: Authenticated,
  input: {
    method: TwoFactorMethod & { destination: string };
    to: string;
    context: RequestContext;
    now: Date;
  },
): Promise<void> {
  const t = translator(userLocale(auth.user, input.context.locale));
  const text = t('code.destinationChangedSms', { app: t('app.name'), to: input.to });
  await deps.phone.sendSms({ to: input.method.destination, text }).catch(() =>
    recordAudit(deps.store, deps.random, input.now, {
      userId: auth.user.id,
      type: 'code_delivery_failed',
      context: input.context,
      detail: { channel: 'sms', failure: 'notice', providerStatus: null, providerCode: null },
    }),
  );
}

/**
 * "Send code" when turning 2FA off (sudo; SECURITY.md a58): a user whose methods all send codes
 * proves one with a code bound to `disable`, so a sign-in code, or a stolen session with the
 * password alone, never turns 2FA off. The usual cool-down and limits apply.
 */
export async function sendDisableCode(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<{ sentTo: string }> {
  requireSudo(deps, auth);
  const method = await ownCodeMethod(deps, auth, input.methodId);
  await sendCode(deps, {
    user: auth.user,
    method,
    purpose: 'disable',
    sessionId: auth.session.id,
    context: input.context,
  });
  return { sentTo: masked(method, method.destination) };
}
