export interface RateLimit {
  /** How many attempts the window allows. */
  limit: number;
  windowSeconds: number;
}

export type RateDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Counts attempts per key in fixed windows. `consume` counts before the attempt is checked, so a
 * burst of parallel guesses is counted in full (T-RATE-2).
 */
export interface RateLimiter {
  consume(key: string, rule: RateLimit, now: Date): Promise<RateDecision>;
  reset(key: string): Promise<void>;
}
