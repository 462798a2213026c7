import type { AppDeps } from '../../../app/deps.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { sentCodeState } from '../../../app/two-factor/sent-code-state.js';

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
  const state = await sentCodeState(deps, pending, { methodId, purpose: 'sign_in', status: 'active' });
  if (!state) return undefined;
  return {
    type: state.type,
    sentTo: state.sentTo,
    sent: state.liveCode !== null,
    waitSeconds: state.waitSeconds,
  };
}
