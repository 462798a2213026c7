import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import type { AppDeps } from '../deps.js';
import { accountSlowdown, consumeAll, rateKeys, rateRules, requiredWaitSeconds } from '../rate-rules.js';
import { recognizeRememberedDevice } from '../two-factor/remembered-devices.js';

export interface AdmittedAttempt {
  /** True for exactly one attempt per hour of heavy guessing: the owner is told then. */
  slowdownStarted: boolean;
}

type LimitDeps = Pick<AppDeps, 'limiter' | 'store' | 'settings'>;

/**
 * Counts a password attempt before it is checked, so parallel guesses all count. The
 * account-and-network limit comes first and is hard, and an attempt it refuses counts nowhere
 * else: one network cannot spend anything account-wide with requests that never reach the check.
 * Across networks an account is never locked; once it draws many attempts, a network that failed
 * itself must wait between attempts, while a clean network or remembered device goes straight on.
 */
export async function admitSignInAttempt(
  deps: LimitDeps,
  now: Date,
  input: { email: string; context: RequestContext; rememberedDeviceTokens: string[] },
): Promise<AdmittedAttempt> {
  const { limiter } = deps;
  const { email, context } = input;
  const network = await limiter.consume(
    rateKeys.signInAccountNetwork(email, context.ip),
    rateRules.signInAccountNetwork,
    now,
  );
  if (!network.allowed) throw new DomainError('rate_limited', 'Too many attempts', network.retryAfterSeconds);
  await consumeAll(limiter, now, [[rateKeys.signInNetwork(context.ip), rateRules.signInNetwork]]);
  const account = await limiter.consume(rateKeys.signInAccount(email), rateRules.signInAccount, now);
  const attempts = account.allowed
    ? rateRules.signInAccount.limit - account.remaining
    : Number.MAX_SAFE_INTEGER;
  const wait = requiredWaitSeconds(attempts);
  if (wait > 0) {
    // Taken by clean networks too, so that a network's first failure already starts its wait.
    const gate = await limiter.consume(
      rateKeys.signInWait(email, context.ip),
      { limit: 1, windowSeconds: wait },
      now,
    );
    const networkFailed = network.remaining < rateRules.signInAccountNetwork.limit - 1;
    if (!gate.allowed && networkFailed && !(await fromCleanRememberedDevice(deps, now, input))) {
      throw new DomainError('rate_limited', 'Too many attempts', gate.retryAfterSeconds);
    }
  }
  return { slowdownStarted: attempts === accountSlowdown.freeAttempts + 1 };
}

/**
 * Whether the request carries the owner's remembered device, and that device made no other attempt
 * while the account was slowed, since its last success. It only spares the wait: the password is
 * checked as always.
 */
async function fromCleanRememberedDevice(
  deps: LimitDeps,
  now: Date,
  input: { email: string; rememberedDeviceTokens: string[] },
): Promise<boolean> {
  if (input.rememberedDeviceTokens.length === 0) return false;
  const user = await deps.store.users.findByEmail(input.email);
  const device = user && (await recognizeRememberedDevice(deps, user.id, input.rememberedDeviceTokens, now));
  if (!device) return false;
  const attempts = await deps.limiter.consume(
    rateKeys.signInDevice(device.id),
    rateRules.signInAccountNetwork,
    now,
  );
  return attempts.allowed && attempts.remaining === rateRules.signInAccountNetwork.limit - 1;
}

/** After the right password: this network and device start clean; the account-wide count stays. */
export async function clearSignInFailures(
  deps: LimitDeps,
  input: { email: string; context: RequestContext; rememberedDeviceId: string | null },
): Promise<void> {
  const { limiter } = deps;
  await limiter.reset(rateKeys.signInAccountNetwork(input.email, input.context.ip));
  await limiter.reset(rateKeys.signInWait(input.email, input.context.ip));
  if (input.rememberedDeviceId) await limiter.reset(rateKeys.signInDevice(input.rememberedDeviceId));
}
