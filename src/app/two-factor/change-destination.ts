import { DomainError } from '../../core/errors.js';
import type { RequestContext, TwoFactorMethod } from '../../core/types.js';
import { sentCodeFactorOf } from '../../factors/registry.js';
import { type SentCodeFactor, spendSentCode } from '../../factors/sent-code/sent-code-factor.js';
import type { Store } from '../../ports/store.js';
import { requireVerifiedIfAccountAddress } from '../accounts/verify-email.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { factorPorts } from './factor-ports.js';
import { limitFactorCheck } from './prove-factor.js';
import { sendCode } from './send-code.js';
import { activeMethods } from './two-factor-status.js';
import { userLocale } from './user-locale.js';

export type NewDestination = { address: string } | { phone: string; country?: string | undefined };

/** The user's own active e-mail, SMS or voice method; anything else answers `not_found`. */
export async function ownCodeMethod(
  deps: Pick<AppDeps, 'store'>,
  auth: Authenticated,
  methodId: string,
): Promise<{ method: TwoFactorMethod & { destination: string }; factor: SentCodeFactor }> {
  const method = await deps.store.methods.find(methodId);
  const factor = method ? sentCodeFactorOf(method.type) : null;
  if (
    !method ||
    !factor ||
    method.userId !== auth.user.id ||
    method.status !== 'active' ||
    !method.destination
  )
    throw new DomainError('not_found');
  return { method: method as TwoFactorMethod & { destination: string }, factor };
}

/** The new address or number read like at set-up: an e-mail address, or a number in E.164. */
function readDestination(
  deps: AppDeps,
  auth: Authenticated,
  factor: SentCodeFactor,
  input: NewDestination & { context: RequestContext },
): string {
  const read = factor.readDestination({
    input: { ...input, context: undefined },
    locale: userLocale(auth.user, input.context.locale),
    phoneCountries: deps.settings.phoneCountries,
    phoneHighRisk: deps.settings.phoneHighRisk,
  });
  if (!read.ok) throw new DomainError(read.reason, read.detail);
  return read.destination;
}

/**
 * Starts moving an e-mail, SMS or voice method to a new address or number (sudo; T-CODE-5):
 * a code for `change` goes to the new destination, bound to this session. Nothing changes
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
  const { method, factor } = await ownCodeMethod(deps, auth, input.methodId);
  const destination = readDestination(deps, auth, factor, input);
  const same = (other: string | null) => other?.toLowerCase() === destination.toLowerCase();
  if (same(method.destination)) throw new DomainError('conflict', 'Codes already go there');
  const taken = (await activeMethods(deps.store, user.id)).some(
    (m) => m.type === method.type && m.id !== method.id && same(m.destination),
  );
  if (taken) throw new DomainError('conflict', 'This destination is already a method');
  await requireVerifiedIfAccountAddress(deps, user, { channel: factor.channel, destination });
  await sendCode(deps, {
    user,
    method,
    destination,
    purpose: 'change',
    sessionId: session.id,
    context: input.context,
  });
  return { sentTo: factor.mask(destination) };
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
  const now = deps.clock.now();
  const { method, factor } = await ownCodeMethod(deps, auth, input.methodId);
  // Beside the five tries per code, the account's limit on wrong codes: restarts do not reset it.
  const change = () =>
    deps.store.transaction((tx) => switchDestination(deps, tx, auth, { method, factor }, input, now));
  const changed = await limitFactorCheck(deps, auth.user, input.context, change);
  if (!changed.ok) throw new DomainError(changed.locked ? 'second_factor_locked' : 'wrong_code');
  const { from, to } = changed.value;
  await deps.notifier.securityNotice({
    user: auth.user,
    kind: 'methodDestinationChanged',
    context: input.context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    vars: { from, to },
  });
  if (factor.channel !== 'email')
    await tellOldNumber(deps, auth, { method, to, context: input.context, now });
}

/**
 * Spends the `change` code and switches the method to where it went, with the audit event; null
 * for a wrong code. Returned, not thrown: the wrong try the check counted must be committed.
 */
async function switchDestination(
  deps: AppDeps,
  tx: Store,
  { user, session }: Authenticated,
  { method, factor }: Awaited<ReturnType<typeof ownCodeMethod>>,
  input: { code: string; context: RequestContext },
  now: Date,
): Promise<{ from: string; to: string } | null> {
  const proof = { method, purpose: 'change' as const, sessionId: session.id, code: input.code, now };
  const destination = (await spendSentCode(factorPorts(deps, tx), proof))?.destination;
  if (!destination) return null;
  const from = factor.mask(method.destination);
  const to = factor.mask(destination);
  // A renamed method keeps its name; a name that shows the old destination shows the new one.
  const label = method.label.includes(from) ? method.label.replace(from, to) : method.label;
  if (!(await tx.methods.changeDestination(method.id, destination, label)))
    throw new DomainError('not_found');
  // Codes sent to the old destination, for any purpose or session, die with the change.
  await tx.codeChallenges.deleteForMethod(method.id);
  await recordAudit(tx, deps.random, now, {
    userId: user.id,
    type: 'method_destination_changed',
    context: input.context,
    detail: { method: method.type, from, to },
  });
  return { from, to };
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
  const { method, to, context } = input;
  const notice = { oldNumber: method.destination, to, user: auth.user, context };
  await deps.notifier.numberReplaced(notice).catch(() =>
    recordAudit(deps.store, deps.random, input.now, {
      userId: auth.user.id,
      type: 'code_delivery_failed',
      context: input.context,
      detail: { channel: 'sms', failure: 'notice', providerStatus: null, providerCode: null },
    }),
  );
}

/**
 * "Send code" when turning 2FA off (sudo; T-SESSION-7): a user whose methods all send codes
 * proves one with a code bound to `disable`, so a sign-in code, or a stolen session with the
 * password alone, never turns 2FA off. The usual cool-down and limits apply.
 */
export async function sendDisableCode(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<{ sentTo: string }> {
  requireSudo(deps, auth);
  const { method, factor } = await ownCodeMethod(deps, auth, input.methodId);
  await sendCode(deps, {
    user: auth.user,
    method,
    purpose: 'disable',
    sessionId: auth.session.id,
    context: input.context,
  });
  return { sentTo: factor.mask(method.destination) };
}
