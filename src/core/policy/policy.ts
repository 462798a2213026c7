/**
 * A two-factor policy: what an operator (globally) or an organization asks of its users.
 * Every field is optional in the sense that `null` asks nothing; the strictest scope wins.
 */

/**
 * A method type a policy can allow: the type of a factor users add as a method (the list lives
 * with the factors). Recovery codes are not among them: they are always allowed as backup.
 */
export type PolicyMethod = string;

export interface TwoFactorPolicy {
  /** From this instant on, a user without 2FA can do nothing but set it up. */
  requiredFrom: Date | null;
  /** IANA zone the date was given in, kept only to show it back the way it was meant. */
  timeZone: string | null;
  /** null: every method. */
  allowedMethods: PolicyMethod[] | null;
  backupRequired: boolean;
  /** Whether unused recovery codes count as the backup when one is required. */
  recoveryCodesCountAsBackup: boolean;
  maxRememberDeviceDays: number | null;
  sudoMinutes: number | null;
}

/** Where a policy is set: `global` (the operator) or an organization's id. */
export type PolicyScope = 'global' | string;

export interface StoredPolicy extends TwoFactorPolicy {
  scope: PolicyScope;
  updatedAt: Date;
}

export const emptyPolicy: TwoFactorPolicy = {
  requiredFrom: null,
  timeZone: null,
  allowedMethods: null,
  backupRequired: false,
  recoveryCodesCountAsBackup: true,
  maxRememberDeviceDays: null,
  sudoMinutes: null,
};
