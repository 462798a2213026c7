import { normalizeEmail } from '../core/accounts/email.js';
import { DomainError } from '../core/errors.js';
import { ipPrefix } from '../core/net/ip-prefix.js';
import type { RateLimit, RateLimiter } from '../ports/rate-limiter.js';

/**
 * The limits, in one place. Password and second-factor attempts count separately, so spraying
 * passwords cannot lock a user out of the second step; the only hard limits that name an account
 * also name a network, so a stranger elsewhere cannot lock the owner out. Across networks an
 * account only slows down the networks that failed (`accountSlowdown`).
 */
export const rateRules = {
  signInAccountNetwork: { limit: 10, windowSeconds: 15 * 60 },
  /** Counts attempts on an account across networks; it refuses nothing itself. */
  signInAccount: { limit: Number.MAX_SAFE_INTEGER, windowSeconds: 60 * 60 },
  signInNetwork: { limit: 300, windowSeconds: 15 * 60 },
  confirmPassword: { limit: 10, windowSeconds: 15 * 60 },
  signUpNetwork: { limit: 20, windowSeconds: 60 * 60 },
  resetAddressNetwork: { limit: 3, windowSeconds: 60 * 60 },
  /** Every link is mailed to the owner: a stranger spending this has sent them twenty e-mails. */
  resetAddress: { limit: 20, windowSeconds: 60 * 60 },
  resetNetwork: { limit: 20, windowSeconds: 60 * 60 },
  invitationsByInviter: { limit: 10, windowSeconds: 60 * 60 },
  invitationsToOrganization: { limit: 50, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Past `freeAttempts` sign-in attempts on one account in an hour (the owner never gets near it),
 * a network or remembered device that has itself failed must wait between attempts: 30 seconds,
 * doubling every ten attempts more, at most 15 minutes. One that has not failed is not slowed.
 */
export const accountSlowdown = {
  freeAttempts: 20,
  firstWaitSeconds: 30,
  doublingEvery: 10,
  maxWaitSeconds: 15 * 60,
};

/** The wait required before the `attempts`-th attempt on an account in the hour; 0 for none. */
export function requiredWaitSeconds(attempts: number): number {
  const { freeAttempts, firstWaitSeconds, doublingEvery, maxWaitSeconds } = accountSlowdown;
  if (attempts <= freeAttempts) return 0;
  const doublings = Math.floor((attempts - freeAttempts - 1) / doublingEvery);
  return Math.min(maxWaitSeconds, firstWaitSeconds * 2 ** Math.min(doublings, 30));
}

export const rateKeys = {
  signInAccountNetwork: (email: string, ip: string) => `signin:an:${normalizeEmail(email)}:${ipPrefix(ip)}`,
  signInAccount: (email: string) => `signin:a:${normalizeEmail(email)}`,
  signInNetwork: (ip: string) => `signin:n:${ipPrefix(ip)}`,
  signInWait: (email: string, ip: string) => `signin:w:${normalizeEmail(email)}:${ipPrefix(ip)}`,
  signInDevice: (deviceId: string) => `signin:d:${deviceId}`,
  confirmPassword: (userId: string) => `sudo:${userId}`,
  signUpNetwork: (ip: string) => `signup:n:${ipPrefix(ip)}`,
  resetAddressNetwork: (email: string, ip: string) => `reset:an:${normalizeEmail(email)}:${ipPrefix(ip)}`,
  resetAddress: (email: string) => `reset:a:${normalizeEmail(email)}`,
  resetNetwork: (ip: string) => `reset:n:${ipPrefix(ip)}`,
  invitationsByInviter: (userId: string) => `org:invite:${userId}`,
  invitationsToOrganization: (organizationId: string) => `org:invite:o:${organizationId}`,
};

/** Counts one attempt against each limit; throws `rate_limited` with the longest wait if any is spent. */
export async function consumeAll(
  limiter: RateLimiter,
  now: Date,
  checks: Array<[key: string, rule: RateLimit]>,
): Promise<void> {
  let wait = 0;
  for (const [key, rule] of checks) {
    const decision = await limiter.consume(key, rule, now);
    if (!decision.allowed) wait = Math.max(wait, decision.retryAfterSeconds);
  }
  if (wait > 0) throw new DomainError('rate_limited', 'Too many attempts', wait);
}

/** One check at a time, in order: an attempt one of them refuses counts in none after it. */
export async function consumeInTurn(
  limiter: RateLimiter,
  now: Date,
  checks: Array<[key: string, rule: RateLimit]>,
): Promise<void> {
  for (const check of checks) await consumeAll(limiter, now, [check]);
}
