import { type PolicyInput, policyFromInput } from '../../src/app/policy/set-policy.js';
import type { TestServer } from './test-server.js';

/** 1 December 2026, midnight in Amsterdam: 23:00 UTC on 30 November. */
export const deadlineLocal = '2026-12-01T00:00';
export const deadlineInstant = '2026-11-30T23:00:00Z';

export const requiredPolicy: PolicyInput = {
  requiredFrom: deadlineLocal,
  timeZone: 'Europe/Amsterdam',
  allowedMethods: null,
  backupRequired: false,
  recoveryCodesCountAsBackup: true,
  maxRememberDeviceDays: null,
  sudoMinutes: null,
};

/** Puts a policy for a scope straight into the store, as the operator's CLI would. */
export async function putPolicy(
  server: Pick<TestServer, 'deps' | 'clock'>,
  input: Partial<PolicyInput> = {},
  scope = 'global',
) {
  await server.deps.store.policies.put({
    ...policyFromInput({ ...requiredPolicy, ...input }),
    scope,
    updatedAt: server.clock.now(),
  });
}
