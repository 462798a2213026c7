import type { AppDeps } from '../../../app/deps.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { codeMethodTypes } from '../../../app/two-factor/send-code.js';
import { resendWaitSeconds } from '../../../factors/one-time-code/one-time-code.js';
import { maskEmail, maskPhone } from '../../../factors/phone/normalize-phone.js';

export interface CodeStepState {
  type: 'email' | 'sms' | 'voice';
  /** The destination, masked: enough to recognise, not enough to learn. */
  sentTo: string;
  /** Whether this sign-in already has a live code for the method: then the code field shows. */
  sent: boolean;
  waitSeconds: number;
}

/** Where an e-mail, SMS or voice method of this pending sign-in stands; undefined for other methods. */
export async function codeStepState(
  deps: AppDeps,
  pending: Authenticated,
  methodId: string,
): Promise<CodeStepState | undefined> {
  const method = await deps.store.methods.find(methodId);
  if (!method || method.userId !== pending.user.id || !codeMethodTypes.has(method.type)) return undefined;
  if (!method.destination) return undefined;
  const now = deps.clock.now();
  const latest = await deps.store.codeChallenges.findLatest(method.id, 'sign_in', pending.session.id);
  return {
    type: method.type as CodeStepState['type'],
    sentTo: method.type === 'email' ? maskEmail(method.destination) : maskPhone(method.destination),
    sent: Boolean(latest && latest.expiresAt > now && !latest.consumedAt),
    waitSeconds: resendWaitSeconds(latest?.lastSentAt ?? null, now),
  };
}
