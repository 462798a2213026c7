import type { ProofPurpose, TwoFactorMethod } from '../../core/types.js';
import { sentCodeFactorOf } from '../../factors/registry.js';
import { isLive, resendWaitSeconds } from '../../factors/sent-code/one-time-code.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';

export interface SentCodeState {
  method: Pick<TwoFactorMethod, 'id' | 'type' | 'label'>;
  type: 'email' | 'sms' | 'voice';
  /** The method's address or number, masked: enough to recognise, not enough to learn. */
  sentTo: string;
  /**
   * The code of this purpose that waits for an answer in this session, and where it went (masked:
   * for a change of destination, the new address or number); null when none is live.
   */
  liveCode: { sentTo: string } | null;
  /** Seconds until another code may be sent; 0 when it may now. */
  waitSeconds: number;
}

/**
 * Where a code-sending method of the caller stands for one purpose in this session: where codes
 * go, whether a live code waits, and how long until another may be sent. Null when the id names
 * no such method of the caller's, in the status asked (a pending set-up only until it expires).
 */
export async function sentCodeState(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  auth: Authenticated,
  input: { methodId: string; purpose: ProofPurpose; status: TwoFactorMethod['status'] },
): Promise<SentCodeState | null> {
  const now = deps.clock.now();
  const method = await deps.store.methods.find(input.methodId);
  const factor = method ? sentCodeFactorOf(method.type) : null;
  if (!method || !factor || !method.destination) return null;
  if (method.userId !== auth.user.id || method.status !== input.status) return null;
  if (method.status === 'pending' && !(method.pendingExpiresAt && method.pendingExpiresAt > now)) return null;
  const latest = await deps.store.codeChallenges.findLatest(method.id, input.purpose, auth.session.id);
  const live = latest && isLive(latest, now) ? latest : null;
  return {
    method: { id: method.id, type: method.type, label: method.label },
    type: method.type as SentCodeState['type'],
    sentTo: factor.mask(method.destination),
    liveCode: live && { sentTo: factor.mask(live.destination ?? method.destination) },
    waitSeconds: resendWaitSeconds(latest?.lastSentAt ?? null, now),
  };
}
