import { DomainError, isDomainError } from '../../core/errors.js';
import { PhoneDeliveryError } from '../../core/phone-delivery-error.js';
import type { ProofPurpose, RequestContext, TwoFactorMethod, User } from '../../core/types.js';
import type { DeviceOptions } from '../../factors/factor.js';
import { factorOf } from '../../factors/registry.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll } from '../rate-rules.js';
import { codeSendKeys, codeSendRules } from './code-limits.js';
import { factorPorts } from './factor-ports.js';

/**
 * Sends a fresh code for `purpose` to a method's destination (or to `destination`, a new address
 * being proved), bound to the asking session. The earlier code of that method, purpose and
 * session dies. A resend within the cool-down is refused with the wait; the abuse limits are
 * counted and audited; a provider failure becomes `delivery_failed` and an audit event, never
 * the provider's words. A factor whose proof the user's device signs sends nothing: its challenge
 * comes back as the options for that device, and no send limit applies (nothing costs, and each
 * new challenge replaces the last).
 */
export async function sendCode(
  deps: AppDeps,
  input: {
    user: User;
    method: TwoFactorMethod;
    purpose: ProofPurpose;
    sessionId: string;
    destination?: string;
    /** At set-up: what the user gave, for a factor whose challenge depends on it. */
    setupInput?: Readonly<Record<string, string | undefined>>;
    context: RequestContext;
  },
): Promise<{ options: DeviceOptions } | null> {
  const { store, clock, random, limiter } = deps;
  const { user, method, purpose, sessionId, context } = input;
  const now = clock.now();
  const factor = factorOf(method.type);
  if (!factor.startChallenge) throw new TypeError(`${method.type} sends no codes`);
  const destination = input.destination ?? method.destination ?? method.id;
  const admit = async () => {
    if (factor.channel) await limitSends();
  };
  const limitSends = () =>
    consumeAll(limiter, now, [
      [codeSendKeys.destination(destination), codeSendRules.destination],
      [codeSendKeys.account(user.id), codeSendRules.account],
      [codeSendKeys.network(context.ip), codeSendRules.network],
    ]).catch(async (error: unknown) => {
      if (isDomainError(error, 'rate_limited')) {
        await recordAudit(store, random, now, {
          userId: user.id,
          type: 'code_send_limited',
          context,
          detail: { channel: method.type },
        });
      }
      throw error;
    });
  const request = {
    user,
    method,
    purpose,
    sessionId,
    now,
    ...(input.destination ? { destination } : {}),
    ...(input.setupInput ? { input: input.setupInput } : {}),
  };
  const started = await factor.startChallenge(factorPorts(deps, store), request, admit);
  if (!started.ok)
    throw new DomainError('rate_limited', 'Wait before sending another code', started.retryAfterSeconds);
  if ('options' in started) return { options: started.options };
  const sent = { ...method, destination: started.destination };
  const message = {
    method: sent,
    user,
    code: started.code,
    purpose,
    context,
    publicUrl: deps.settings.publicUrl,
  };
  await deps.notifier.oneTimeCode(message).catch(async (error: unknown) => {
    // Nothing reached the user: no code may wait for an answer, and no cool-down holds them back
    // from trying again (the send limits above still count every try).
    await store.codeChallenges.discard(started.challengeId);
    const provider = error instanceof PhoneDeliveryError ? error.provider : {};
    await recordAudit(store, random, now, {
      userId: user.id,
      type: 'code_delivery_failed',
      context,
      detail: {
        channel: method.type,
        failure: error instanceof PhoneDeliveryError ? error.code : 'unavailable',
        providerStatus: provider.status ?? null,
        providerCode: provider.code ?? null,
      },
    });
    throw new DomainError('delivery_failed');
  });
  return null;
}
