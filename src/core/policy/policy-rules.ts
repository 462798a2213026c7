import type { EffectivePolicy } from './merge-policies.js';

const dayMs = 24 * 60 * 60_000;

/** From the policy's instant on, a user without 2FA may do nothing but set it up. */
export function isTwoFactorRequired(policy: EffectivePolicy, now: Date): boolean {
  return policy.requiredFrom !== null && now.getTime() >= policy.requiredFrom.value.getTime();
}

/** Whole days until the deadline, rounded up: "1 day left" lasts until the very instant. */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / dayMs));
}

/** Recovery codes are always allowed: they are the backup of last resort, never a method to pick. */
export function isMethodAllowed(policy: EffectivePolicy, type: string): boolean {
  if (type === 'recovery_code') return true;
  return policy.allowedMethods.value.includes(type);
}

export interface MethodsHeld {
  /** Types of the user's active methods. */
  types: string[];
  recoveryCodesLeft: number;
}

/** Whether the user has a second way in besides one method: another method, or recovery codes. */
export function hasBackup(policy: EffectivePolicy, held: MethodsHeld): boolean {
  const allowed = held.types.filter((t) => isMethodAllowed(policy, t)).length;
  return allowed >= 2 || (allowed >= 1 && policy.recoveryCodesCountAsBackup && held.recoveryCodesLeft > 0);
}

/**
 * Whether removing a method would break a policy in force: it was the last allowed one, or the
 * last backup while a backup is required. Before the deadline nothing is refused.
 */
export function breaksPolicyOnRemoval(
  policy: EffectivePolicy,
  now: Date,
  before: MethodsHeld,
  after: MethodsHeld,
): boolean {
  if (!isTwoFactorRequired(policy, now)) return false;
  const allowedAfter = after.types.filter((t) => isMethodAllowed(policy, t)).length;
  if (allowedAfter === 0) return true;
  return policy.backupRequired !== null && hasBackup(policy, before) && !hasBackup(policy, after);
}

/**
 * Which reminder is due now: the smallest of `reminderDays` whose moment has come, or null.
 * Only the smallest: a job that was down for a week sends the 7-day reminder, not the 30-day one too.
 */
export function dueReminder(deadline: Date, now: Date, reminderDays: number[]): number | null {
  if (now.getTime() >= deadline.getTime()) return null;
  const due = reminderDays.filter((d) => now.getTime() >= deadline.getTime() - d * dayMs);
  return due.length > 0 ? Math.min(...due) : null;
}
