/**
 * Rows that stopped counting: each method deletes those whose end lies before `before` and says
 * how many went. Sessions and remembered devices have their own `deleteExpired`.
 */
export interface ExpiredRowStore {
  /** Sent codes, answered or not, that expired. Their attempts are over and nothing counts them. */
  deleteCodeChallenges(before: Date): Promise<number>;
  /** Methods whose set-up was never confirmed in time. */
  deletePendingSetups(before: Date): Promise<number>;
  /** Password-reset links that expired or were used. */
  deletePasswordResets(before: Date): Promise<number>;
  /** Invitations that expired without being accepted; accepted ones stay as the membership's origin. */
  deleteInvitations(before: Date): Promise<number>;
  /** Rate-limit counters whose window began before `before`: it must lie past the longest window. */
  deleteRateLimits(before: Date): Promise<number>;
}
