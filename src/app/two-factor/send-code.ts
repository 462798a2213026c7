import { DomainError, isDomainError } from '../../core/errors.js';
import { PhoneDeliveryError } from '../../core/phone-delivery-error.js';
import { newId } from '../../core/sessions/session-token.js';
import type { RequestContext, TwoFactorMethod, User } from '../../core/types.js';
import {
  type CodePurpose,
  codeHashKey,
  codeRules,
  generateCode,
  hashCode,
  resendWaitSeconds,
} from '../../factors/one-time-code/one-time-code.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll } from '../rate-rules.js';
import { codeSendKeys, codeSendRules } from './code-limits.js';

export const codeMethodTypes: ReadonlySet<string> = new Set(['email', 'sms', 'voice']);

/**
 * Sends a fresh code for `purpose` to a method's destination, bound to the asking session. The
 * earlier code of that method, purpose and session dies (a25). A resend within 30 seconds is
 * refused with the wait; the abuse limits are counted and audited; a provider failure becomes
 * `delivery_failed` and an audit event, never the provider's words.
 */
export async function sendCode(
  deps: AppDeps,
  input: {
    user: User;
    method: TwoFactorMethod;
    purpose: CodePurpose;
    sessionId: string;
    context: RequestContext;
  },
): Promise<void> {
  const { store, clock, random, limiter, recoveryPeppers } = deps;
  const { user, method, purpose, sessionId, context } = input;
  const now = clock.now();
  const latest = await store.codeChallenges.findLatest(method.id, purpose, sessionId);
  const wait = resendWaitSeconds(latest?.lastSentAt ?? null, now);
  if (wait > 0) throw new DomainError('rate_limited', 'Wait before sending another code', wait);
  await consumeAll(limiter, now, [
    [codeSendKeys.destination(method.destination ?? method.id), codeSendRules.destination],
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
  const id = newId(random);
  const code = generateCode(random);
  const stored = await store.codeChallenges.replace(
    {
      id,
      userId: user.id,
      methodId: method.id,
      purpose,
      sessionId,
      codeHash: hashCode(codeHashKey(recoveryPeppers[0]!), { challengeId: id, purpose }, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + codeRules.lifetimeMs),
      attempts: 0,
      consumedAt: null,
      lastSentAt: now,
      destination: method.destination,
    },
    // The check above and this write are apart: only the conditional write decides a race.
    { unlessSentAfter: new Date(now.getTime() - codeRules.resendCooldownMs) },
  );
  if (!stored) {
    const winner = await store.codeChallenges.findLatest(method.id, purpose, sessionId);
    const left = Math.max(1, resendWaitSeconds(winner?.lastSentAt ?? null, now));
    throw new DomainError('rate_limited', 'Wait before sending another code', left);
  }
  const message = { method, user, code, purpose, context, publicUrl: deps.settings.publicUrl };
  await deps.notifier.oneTimeCode(message).catch(async (error: unknown) => {
    // Nothing reached the user: no code may wait for an answer, and no cool-down holds them back
    // from trying again (the send limits above still count every try).
    await store.codeChallenges.discard(id);
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
}
