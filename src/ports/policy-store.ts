import type { PolicyScope, StoredPolicy } from '../core/policy/policy.js';

/** Two-factor policies by scope, and the reminders already sent about their deadlines. */
export interface PolicyStore {
  /** The policies of those scopes that have one; scopes without a policy are left out. */
  findForScopes(scopes: PolicyScope[]): Promise<StoredPolicy[]>;
  /** Creates or replaces the policy of its scope. */
  put(policy: StoredPolicy): Promise<void>;
  /** Removes a scope's policy; returns whether there was one. */
  remove(scope: PolicyScope): Promise<boolean>;
  /** Every policy whose deadline is still ahead of `now`: what the reminder job looks at. */
  listWithDeadlineAfter(now: Date): Promise<StoredPolicy[]>;
  /**
   * Claims the reminder `daysBefore` a deadline for a user by inserting its row: true for exactly
   * one caller, however many processes race for it on one database.
   */
  claimReminder(claim: { userId: string; deadline: Date; daysBefore: number; at: Date }): Promise<boolean>;
}
