import { normalizeEmail } from '../core/accounts/email.js';
import { DomainError } from '../core/errors.js';
import { ipPrefix } from '../core/net/ip-prefix.js';
import type { RateLimit, RateLimiter } from '../ports/rate-limiter.js';

/**
 * The limits, in one place. Password and second-factor attempts count separately, so spraying
 * passwords cannot lock a user out of the second step (SECURITY.md a39); the tightest limit is per
 * account and network, so a stranger elsewhere cannot lock the owner out (a42).
 */
export const rateRules = {
  signInAccountNetwork: { limit: 10, windowSeconds: 15 * 60 },
  signInAccount: { limit: 100, windowSeconds: 60 * 60 },
  signInNetwork: { limit: 300, windowSeconds: 15 * 60 },
  confirmPassword: { limit: 10, windowSeconds: 15 * 60 },
  signUpNetwork: { limit: 20, windowSeconds: 60 * 60 },
  resetAddress: { limit: 3, windowSeconds: 60 * 60 },
  resetNetwork: { limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

export const rateKeys = {
  signInAccountNetwork: (email: string, ip: string) => `signin:an:${normalizeEmail(email)}:${ipPrefix(ip)}`,
  signInAccount: (email: string) => `signin:a:${normalizeEmail(email)}`,
  signInNetwork: (ip: string) => `signin:n:${ipPrefix(ip)}`,
  confirmPassword: (userId: string) => `sudo:${userId}`,
  signUpNetwork: (ip: string) => `signup:n:${ipPrefix(ip)}`,
  resetAddress: (email: string) => `reset:a:${normalizeEmail(email)}`,
  resetNetwork: (ip: string) => `reset:n:${ipPrefix(ip)}`,
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
