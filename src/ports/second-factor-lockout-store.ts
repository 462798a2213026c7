/**
 * Second-factor attempts per account since the last success, against a slow guesser that stays
 * under the rate limit for days. Every operation is one atomic statement.
 */
export interface SecondFactorLockoutStore {
  /** Counts one attempt, before it is checked; returns the new count. */
  countAttempt(userId: string): Promise<number>;
  /** A success, an unlock or a support reset: the count and any unlock link go. */
  clear(userId: string): Promise<void>;
  /**
   * Sets the unlock link of a counted account unless one is still valid; returns whether it was
   * set, so of racing attempts exactly one mails the link.
   */
  setUnlockToken(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<boolean>;
  /** Spends a valid unlock link and clears the count; the user it unlocked, or null. */
  unlock(tokenHash: string, now: Date): Promise<string | null>;
}
