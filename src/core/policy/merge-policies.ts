import type { PolicyMethod, TwoFactorPolicy } from './policy.js';

/** Who set a rule, so the security page can say "required from 1 July 2026 by Acme". */
export type PolicySource = { scope: 'global' } | { scope: 'organization'; id: string; name: string };

export interface ScopedPolicy {
  source: PolicySource;
  policy: TwoFactorPolicy;
}

/** One rule of the effective policy and the scopes that set it (several when they agree). */
export interface Ruled<T> {
  value: T;
  by: PolicySource[];
}

export interface EffectivePolicy {
  requiredFrom: (Ruled<Date> & { timeZone: string }) | null;
  /** Never null: every method when no scope restricts them. `by` is empty then. */
  allowedMethods: Ruled<PolicyMethod[]>;
  backupRequired: Ruled<true> | null;
  recoveryCodesCountAsBackup: boolean;
  maxRememberDeviceDays: Ruled<number> | null;
  sudoMinutes: Ruled<number> | null;
}

/** Keeps the smallest value and every scope that named it. */
function smallest<T>(
  scoped: ScopedPolicy[],
  pick: (policy: TwoFactorPolicy) => T | null,
  rank: (value: T) => number,
): Ruled<T> | null {
  let best: Ruled<T> | null = null;
  for (const { source, policy } of scoped) {
    const value = pick(policy);
    if (value === null) continue;
    if (!best || rank(value) < rank(best.value)) best = { value, by: [source] };
    else if (rank(value) === rank(best.value)) best.by.push(source);
  }
  return best;
}

/**
 * Merges the global policy with those of the user's organizations: the strictest wins, rule by
 * rule (earliest date, intersection of methods, backup if any asks, shortest periods).
 */
export function mergePolicies(scoped: ScopedPolicy[], everyMethod: readonly PolicyMethod[]): EffectivePolicy {
  const required = smallest(
    scoped,
    (p) => p.requiredFrom,
    (d) => d.getTime(),
  );
  const firstZone = required
    ? scoped.find((s) => s.policy.requiredFrom?.getTime() === required.value.getTime())?.policy.timeZone
    : null;
  const restricting = scoped.filter((s) => s.policy.allowedMethods !== null);
  const allowed = everyMethod.filter((m) => restricting.every((s) => s.policy.allowedMethods?.includes(m)));
  const backupBy = scoped.filter((s) => s.policy.backupRequired).map((s) => s.source);
  return {
    requiredFrom: required ? { ...required, timeZone: firstZone ?? 'UTC' } : null,
    allowedMethods: { value: allowed, by: restricting.map((s) => s.source) },
    backupRequired: backupBy.length > 0 ? { value: true, by: backupBy } : null,
    // A scope that requires a backup and refuses recovery codes as one is the stricter reading.
    recoveryCodesCountAsBackup: !scoped.some(
      (s) => s.policy.backupRequired && !s.policy.recoveryCodesCountAsBackup,
    ),
    maxRememberDeviceDays: smallest(
      scoped,
      (p) => p.maxRememberDeviceDays,
      (n) => n,
    ),
    sudoMinutes: smallest(
      scoped,
      (p) => p.sudoMinutes,
      (n) => n,
    ),
  };
}
