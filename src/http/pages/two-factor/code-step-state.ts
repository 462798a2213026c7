import type { AppDeps } from '../../../app/deps.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { maskEmail, maskPhone } from '../../../factors/phone/normalize-phone.js';
import { sendsCodes } from '../../../factors/registry.js';
import { resendWaitSeconds } from '../../../factors/sent-code/one-time-code.js';

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
  if (!method || method.userId !== pending.user.id || !sendsCodes(method.type)) return undefined;
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
