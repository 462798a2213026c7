import type { TwoFactorReset } from '../core/two-factor/two-factor-reset.js';

export interface TwoFactorResetStore {
  /** Inserts unless the user already has a pending reset; returns whether it was inserted. */
  create(reset: TwoFactorReset): Promise<boolean>;
  /** The user's reset still waiting, if any (at most one is ever pending). */
  findPendingForUser(userId: string): Promise<TwoFactorReset | null>;
  /** A pending reset by its cancel token's hash. */
  findPendingByTokenHash(tokenHash: string): Promise<TwoFactorReset | null>;
  /**
   * pending → cancelled or done, atomically: of two racing callers (the job and a sign-in, or two
   * clicks on the link) exactly one gets `true`.
   */
  close(id: string, status: 'cancelled' | 'done', at: Date): Promise<boolean>;
  /**
   * Moves a pending reset's time and replaces its cancel token (the old link stops working), only
   * while it is pending and only to an earlier time; returns whether it changed.
   */
  bringForward(id: string, effectiveAt: Date, cancelTokenHash: string): Promise<boolean>;
  /** Pending resets whose waiting period is over, oldest first. */
  listDue(now: Date, limit: number): Promise<TwoFactorReset[]>;
  listForUser(userId: string, limit: number): Promise<TwoFactorReset[]>;
}
