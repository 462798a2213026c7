/**
 * A two-factor policy: what an operator (globally) or an organization asks of its users.
 * Every field is optional in the sense that `null` asks nothing; the strictest scope wins.
 */

/** Methods a policy can allow; recovery codes are not among them: they are always allowed as backup. */
export type PolicyMethod = 'totp' | 'email' | 'sms' | 'voice';

export const policyMethods: readonly PolicyMethod[] = ['totp', 'email', 'sms', 'voice'];

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

export function isPolicyMethod(value: string): value is PolicyMethod {
  return (policyMethods as readonly string[]).includes(value);
}
