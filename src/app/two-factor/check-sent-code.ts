import type { TwoFactorMethod } from '../../core/types.js';
import {
  type CodePurpose,
  codeHashKey,
  codeMatches,
  codeRules,
  isLive,
} from '../../factors/one-time-code/one-time-code.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';

/**
 * Checks a code sent to `method` for `purpose` in the session `sessionId`: only the newest code
 * of that triple counts, so a code from another sign-in attempt, another purpose or another
 * method never matches (a24). A match is spent by one atomic UPDATE, so of parallel submits
 * exactly one wins (a23); a miss counts a wrong try, and the fifth kills the code (a26).
 */
export async function checkSentCode(
  deps: Pick<AppDeps, 'recoveryPeppers'>,
  store: Store,
  input: { method: TwoFactorMethod; purpose: CodePurpose; sessionId: string; code: string; now: Date },
): Promise<boolean> {
  const { method, purpose, sessionId, code, now } = input;
  const challenge = await store.codeChallenges.findLatest(method.id, purpose, sessionId);
  if (!challenge || challenge.userId !== method.userId || !isLive(challenge, now)) return false;
  // Older peppers too, so codes in flight survive a key rotation.
  const matched = deps.recoveryPeppers.some((pepper) => codeMatches(codeHashKey(pepper), challenge, code));
  if (!matched) {
    await store.codeChallenges.addWrongTry(challenge.id);
    return false;
  }
  if (!(await store.codeChallenges.consume(challenge.id, now, codeRules.maxWrongTries))) return false;
  await store.methods.recordUse(method.id, now);
  return true;
}
