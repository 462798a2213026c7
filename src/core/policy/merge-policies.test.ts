import { describe, expect, it } from 'vitest';
import { mergePolicies, type ScopedPolicy } from './merge-policies.js';
import { emptyPolicy } from './policy.js';
import {
  breaksPolicyOnRemoval,
  daysLeft,
  dueReminder,
  hasBackup,
  isMethodAllowed,
  isTwoFactorRequired,
} from './policy-rules.js';

/** The method types the factors offer today; the core takes them as given. */
const everyMethod = ['totp', 'email', 'sms', 'voice'];

const global = { scope: 'global' } as const;
const acme = { scope: 'organization', id: 'o1', name: 'Acme' } as const;
const beta = { scope: 'organization', id: 'o2', name: 'Beta' } as const;

const scoped = (source: ScopedPolicy['source'], policy: Partial<ScopedPolicy['policy']>): ScopedPolicy => ({
  source,
  policy: { ...emptyPolicy, ...policy },
});

describe('mergePolicies', () => {
  it('asks nothing when no scope has a policy', () => {
    const merged = mergePolicies([], everyMethod);
    expect(merged.requiredFrom).toBeNull();
    expect(merged.allowedMethods).toEqual({ value: ['totp', 'email', 'sms', 'voice'], by: [] });
    expect(merged.backupRequired).toBeNull();
    expect(merged.recoveryCodesCountAsBackup).toBe(true);
    expect(merged.sudoMinutes).toBeNull();
  });

  it('takes the earliest date and says which scope set it, with that scope’s time zone', () => {
    const merged = mergePolicies(
      [
        scoped(global, { requiredFrom: new Date('2026-07-01T00:00:00Z'), timeZone: 'UTC' }),
        scoped(acme, { requiredFrom: new Date('2026-05-04T22:00:00Z'), timeZone: 'Europe/Amsterdam' }),
        scoped(beta, { requiredFrom: null }),
      ],
      everyMethod,
    );
    expect(merged.requiredFrom).toEqual({
      value: new Date('2026-05-04T22:00:00Z'),
      by: [acme],
      timeZone: 'Europe/Amsterdam',
    });
  });

  it('intersects the allowed methods of every scope that restricts them', () => {
    const merged = mergePolicies(
      [
        scoped(global, { allowedMethods: ['totp', 'sms', 'email'] }),
        scoped(acme, { allowedMethods: ['totp', 'sms', 'voice'] }),
        scoped(beta, {}),
      ],
      everyMethod,
    );
    expect(merged.allowedMethods).toEqual({ value: ['totp', 'sms'], by: [global, acme] });
  });

  it('requires a backup when any scope does; recovery codes stop counting when such a scope says so', () => {
    const merged = mergePolicies(
      [
        scoped(global, { backupRequired: false, recoveryCodesCountAsBackup: false }),
        scoped(acme, { backupRequired: true }),
      ],
      everyMethod,
    );
    expect(merged.backupRequired).toEqual({ value: true, by: [acme] });
    expect(merged.recoveryCodesCountAsBackup).toBe(true);
    const stricter = mergePolicies(
      [scoped(acme, { backupRequired: true, recoveryCodesCountAsBackup: false })],
      everyMethod,
    );
    expect(stricter.recoveryCodesCountAsBackup).toBe(false);
  });

  it('keeps the shortest remember period and sudo window, naming every scope that agrees', () => {
    const merged = mergePolicies(
      [
        scoped(global, { maxRememberDeviceDays: 30, sudoMinutes: 5 }),
        scoped(acme, { maxRememberDeviceDays: 7, sudoMinutes: 5 }),
        scoped(beta, { maxRememberDeviceDays: 0 }),
      ],
      everyMethod,
    );
    expect(merged.maxRememberDeviceDays).toEqual({ value: 0, by: [beta] });
    expect(merged.sudoMinutes).toEqual({ value: 5, by: [global, acme] });
  });
});

describe('policy rules', () => {
  const deadline = new Date('2026-07-01T00:00:00Z');
  const policy = mergePolicies(
    [scoped(global, { requiredFrom: deadline, allowedMethods: ['totp', 'sms'], backupRequired: true })],
    everyMethod,
  );

  it('is required from the exact instant on, not a millisecond before', () => {
    expect(isTwoFactorRequired(policy, new Date(deadline.getTime() - 1))).toBe(false);
    expect(isTwoFactorRequired(policy, deadline)).toBe(true);
  });

  it('counts whole days left, rounded up', () => {
    expect(daysLeft(deadline, new Date('2026-06-30T00:00:00Z'))).toBe(1);
    expect(daysLeft(deadline, new Date('2026-06-29T23:59:00Z'))).toBe(2);
    expect(daysLeft(deadline, new Date('2026-07-02T00:00:00Z'))).toBe(0);
  });

  it('always allows recovery codes, and only the listed methods', () => {
    expect(isMethodAllowed(policy, 'recovery_code')).toBe(true);
    expect(isMethodAllowed(policy, 'totp')).toBe(true);
    expect(isMethodAllowed(policy, 'email')).toBe(false);
    expect(isMethodAllowed(policy, 'webauthn')).toBe(false);
  });

  it('counts recovery codes as a backup only when some are left', () => {
    expect(hasBackup(policy, { types: ['totp'], recoveryCodesLeft: 3 })).toBe(true);
    expect(hasBackup(policy, { types: ['totp'], recoveryCodesLeft: 0 })).toBe(false);
    expect(hasBackup(policy, { types: ['totp', 'email'], recoveryCodesLeft: 0 })).toBe(false);
    expect(hasBackup(policy, { types: ['totp', 'sms'], recoveryCodesLeft: 0 })).toBe(true);
  });

  it('refuses removing the last allowed method or the last backup, but only once required', () => {
    const after = new Date(deadline.getTime() + 1);
    const before = new Date(deadline.getTime() - 1);
    const two = { types: ['totp', 'sms'], recoveryCodesLeft: 0 };
    const one = { types: ['totp'], recoveryCodesLeft: 0 };
    const none = { types: [], recoveryCodesLeft: 0 };
    expect(breaksPolicyOnRemoval(policy, after, one, none)).toBe(true);
    expect(breaksPolicyOnRemoval(policy, before, one, none)).toBe(false);
    expect(breaksPolicyOnRemoval(policy, after, two, one)).toBe(true);
    expect(
      breaksPolicyOnRemoval(
        policy,
        after,
        { ...two, recoveryCodesLeft: 5 },
        { ...one, recoveryCodesLeft: 5 },
      ),
    ).toBe(false);
    // Removing a method the policy does not allow never breaks it.
    expect(
      breaksPolicyOnRemoval(
        policy,
        after,
        { types: ['totp', 'email'], recoveryCodesLeft: 1 },
        { types: ['totp'], recoveryCodesLeft: 1 },
      ),
    ).toBe(false);
  });

  it('makes the smallest due reminder due, and none after the deadline', () => {
    const days = [30, 7, 1];
    expect(dueReminder(deadline, new Date('2026-05-01T00:00:00Z'), days)).toBeNull();
    expect(dueReminder(deadline, new Date('2026-06-01T00:00:00Z'), days)).toBe(30);
    expect(dueReminder(deadline, new Date('2026-06-24T00:00:00Z'), days)).toBe(7);
    expect(dueReminder(deadline, new Date('2026-06-30T12:00:00Z'), days)).toBe(1);
    expect(dueReminder(deadline, deadline, days)).toBeNull();
  });
});
